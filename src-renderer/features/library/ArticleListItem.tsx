import type { ArticleMeta } from '../../../src-main/common/model';
import { ArticleDate } from '../../components/ArticleDate';

export interface ArticleListItemProps {
  article: ArticleMeta;
  open: boolean;
  onOpen: (id: string) => void;
}

/** One article in the library: title (one line, full title on hover), then source and date. */
export function ArticleListItem({ article, open, onOpen }: ArticleListItemProps) {
  return (
    <li>
      <button
        type="button"
        className="article-item"
        aria-current={open ? 'true' : undefined}
        onClick={() => onOpen(article.id)}
      >
        <span className="article-item-title" title={article.title}>
          {article.title}
        </span>
        <span className="article-item-meta">
          {article.source ? <span className="article-item-source">{article.source}</span> : null}
          <ArticleDate meta={article} className="article-item-date" />
        </span>
      </button>
    </li>
  );
}
