import { Highlighter } from 'lucide-react';
import { memo, type MouseEvent } from 'react';
import type { ArticleListing } from '../../../src-main/common/model';
import { ArticleDate } from '../../components/ArticleDate';
import { sourceOf } from '../../../src-main/common/library-view';
import { counted } from '../../../src-main/common/counted';

export interface ArticleListItemProps {
  article: ArticleListing;
  index: number;
  total: number;
  /** Pixels from the top of the list. */
  top: number;
  open: boolean;
  selected: boolean;
  /** The row keyboard focus rests on (the list's one tab stop). */
  active: boolean;
  onRowClick: (index: number, event: MouseEvent) => void;
  onCheck: (index: number, shift: boolean) => void;
}

const highlightsWord = (count: number) => counted(count, 'highlight');

/**
 * One article in the library: a checkbox to pick it, then title (one line, full title on
 * hover; a dot while unread), and source · date · highlight count.
 */
export const ArticleListItem = memo(function ArticleListItem({ article, index, total, top, open, selected, active, onRowClick, onCheck }: ArticleListItemProps) {
  const unread = !article.openedAt;
  return (
    <li className="article-row" style={{ top }} aria-setsize={total} aria-posinset={index + 1} data-row={index} data-selected={selected || undefined}>
      <input
        type="checkbox"
        className="article-check"
        // Not a tab stop: the keyboard picks rows with Space on the row (see ArticleList).
        tabIndex={-1}
        checked={selected}
        aria-label={`Select “${article.title}”`}
        onChange={() => undefined}
        onClick={(event) => onCheck(index, event.shiftKey)}
      />
      <button
        type="button"
        className="article-item"
        tabIndex={active ? 0 : -1}
        aria-current={open ? 'true' : undefined}
        onClick={(event) => onRowClick(index, event)}
        // Shift-click picks a range; without this it would also select the row's text.
        onMouseDown={(event) => {
          if (event.shiftKey) event.preventDefault();
        }}
      >
        <span className="article-item-title" title={article.title}>
          {unread ? (
            <span className="article-item-unread">
              <span className="visually-hidden">Unread: </span>
            </span>
          ) : null}
          {article.title}
        </span>
        <span className="article-item-meta">
          <span className="article-item-source">{sourceOf(article)}</span>
          <ArticleDate meta={article} className="article-item-date" />
          {article.annotationCount > 0 ? (
            <span className="article-item-count" title={highlightsWord(article.annotationCount)}>
              <Highlighter aria-hidden="true" size={12} />
              <span aria-hidden="true">{article.annotationCount}</span>
              <span className="visually-hidden">{highlightsWord(article.annotationCount)}</span>
            </span>
          ) : null}
        </span>
      </button>
    </li>
  );
});
