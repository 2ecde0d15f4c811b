import { ArticleListItem } from './ArticleListItem';
import { openArticle } from '../../state/library-actions';
import type { ArticleMeta } from '../../../src-main/common/model';

export interface ArticleListProps {
  articles: ArticleMeta[];
  openId: string | null;
}

export function ArticleList({ articles, openId }: ArticleListProps) {
  return (
    <ul className="article-list" aria-label="Articles">
      {articles.map((article) => (
        <ArticleListItem
          key={article.id}
          article={article}
          open={article.id === openId}
          onOpen={(id) => void openArticle(id)}
        />
      ))}
    </ul>
  );
}
