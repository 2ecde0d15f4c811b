/**
 * The results, grouped by kind under a heading, each with its title and the matching words in
 * context. A listbox the search box drives (arrow keys move the active option, Enter opens
 * it); a click opens one too.
 */
import { useEffect, useId } from 'react';
import type { SearchResult } from '../../../src-main/common/search-schema';
import { ColorSwatch } from '../../components/ColorSwatch';
import { useLegend } from '../../state/useLegend';
import { groupResults } from '../../state/search-result-groups';
import { MarkedText } from './MarkedText';
import { openResult, setActive } from '../../state/search-actions';

export const optionId = (listId: string, index: number) => `${listId}-option-${index}`;

function ResultBody({ result }: { result: SearchResult }) {
  const legend = useLegend();
  if (result.kind === 'annotation') {
    return (
      <>
        <span className="search-result-quote">
          {result.color ? <ColorSwatch color={result.color} /> : null}
          <span>
            <MarkedText text={result.snippet} ranges={result.matches} />
          </span>
        </span>
        {result.comment ? (
          <span className="search-result-snippet">
            <span className="search-result-label">Comment: </span>
            <MarkedText text={result.comment.text} ranges={result.comment.matches} />
          </span>
        ) : null}
        <span className="search-result-meta">
          {result.color ? `${legend[result.color]} · ` : ''}
          {result.title}
        </span>
      </>
    );
  }
  return (
    <>
      <span className="search-result-title">
        <MarkedText text={result.title} ranges={result.titleMatches} />
      </span>
      {result.snippet ? (
        <span className="search-result-snippet">
          <MarkedText text={result.snippet} ranges={result.matches} />
        </span>
      ) : null}
    </>
  );
}

export function SearchResultList({ id, results, active }: { id: string; results: readonly SearchResult[]; active: number }) {
  const headingBase = useId();
  useEffect(() => {
    document.getElementById(optionId(id, active))?.scrollIntoView?.({ block: 'nearest' });
  }, [id, active, results]);

  return (
    <div id={id} role="listbox" aria-label="Results" className="search-results">
      {groupResults(results).map((group) => (
        <div key={group.kind} role="group" aria-labelledby={`${headingBase}-${group.kind}`} className="search-group">
          <div id={`${headingBase}-${group.kind}`} className="search-group-heading">
            {group.label}
          </div>
          {group.items.map(({ result, index }) => (
            <div
              key={`${result.kind}:${result.id}`}
              id={optionId(id, index)}
              role="option"
              aria-selected={index === active}
              className="search-result"
              // Keep the focus in the search box, where the arrow keys work.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => index !== active && setActive(index)}
              onClick={() => void openResult(result)}
            >
              <ResultBody result={result} />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
