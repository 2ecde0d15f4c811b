import type { ArticleView } from '../../../src-main/common/model';
import { ArticleDate } from '../../components/ArticleDate';
import { ArticleConflicts } from './ArticleConflicts';
import { RenameTitleForm } from './RenameTitleForm';

export interface ArticleHeaderProps {
  view: ArticleView;
  renaming: boolean;
  onRenameDone: () => void;
}

/** About 230 words a minute: a common figure for reading prose on screen. */
const WORDS_PER_MINUTE = 230;

/**
 * Title, then one quiet line: byline · dateline · publisher (else source) · date · reading time;
 * then, after an import, any versions of the article edited elsewhere at the same time.
 */
export function ArticleHeader({ view, renaming, onRenameDone }: ArticleHeaderProps) {
  const minutes = Math.max(1, Math.round(view.wordCount / WORDS_PER_MINUTE));
  const parts = [view.byline, view.dateline, view.siteName || view.source].filter((part): part is string => !!part && part.trim() !== '');
  return (
    <header className="article-header">
      {renaming ? (
        <RenameTitleForm article={view} onDone={onRenameDone} />
      ) : (
        <h1 className="article-title">{view.title}</h1>
      )}
      <p className="article-meta">
        {parts.map((part, index) => (
          <span key={index} className="article-meta-part">
            {part}
          </span>
        ))}
        <ArticleDate meta={view} className="article-meta-part" />
        {view.wordCount > 0 ? <span className="article-meta-part">{minutes} min read</span> : null}
      </p>
      <ArticleConflicts view={view} />
    </header>
  );
}
