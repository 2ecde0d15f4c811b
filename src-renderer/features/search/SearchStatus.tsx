/**
 * One line under the filters saying what the results are: a hint before anything is typed,
 * how many matched, that nothing did, that the index is still being built, or an error.
 */
import { useSearch } from '../../state/useSearch';
import { formatCount } from '../../../src-main/common/counted';

export function SearchStatus() {
  const { query, filters, answer, answeredQuery, searching, error } = useSearch();
  const filtered = Object.keys(filters).length > 0;
  let text: string;
  let hint: string | null = null;
  let tone = '';
  if (error) {
    text = error;
    tone = 'error';
  } else if (query.trim() === '') {
    text = 'Type to search article text, highlight quotes and comments, claims and notes.';
  } else if (!answer || (searching && answeredQuery === '')) {
    text = 'Searching…';
  } else if (answer.results.length === 0) {
    text = `Nothing matches “${answeredQuery.trim()}”${filtered ? ' with these filters' : ''}.`;
    hint = filtered ? 'Try Everything, Any tag, Any colour and All articles.' : 'Check the spelling, or try fewer or shorter words.';
  } else {
    const count = answer.results.length;
    text = `${count} ${count === 1 ? 'result' : 'results'} for “${answeredQuery.trim()}”.`;
  }
  const indexing = answer?.indexing;
  return (
    <div className="search-status" role="status" data-tone={tone || undefined} data-empty={hint ? '' : undefined}>
      <p>{text}</p>
      {hint ? <p className="search-status-hint">{hint}</p> : null}
      {indexing ? (
        <p className="search-indexing">
          The search index is being built ({formatCount(indexing.indexed)} of {formatCount(indexing.total)} records); results may be incomplete.
        </p>
      ) : null}
    </div>
  );
}
