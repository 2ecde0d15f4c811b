/** The editable details of an article, as undo records them (see `articleDetails` changes). */
import type { Article } from '../common/model';
import { ARTICLE_DETAIL_KEYS, type ArticleDetails } from '../store/notebook-files';

/** The details of `article`, without its text. */
export function detailsOf(article: Article): ArticleDetails {
  const { title, byline, siteName, url, publishedAt, tags } = article;
  return structuredClone({ title, tags, ...(byline ? { byline } : {}), ...(siteName ? { siteName } : {}), ...(url ? { url } : {}), ...(publishedAt ? { publishedAt } : {}) });
}

/** `article` with its details replaced by `details` (a detail absent from `details` is cleared). */
export function withDetails(article: Article, details: ArticleDetails): Article {
  const next: Partial<Article> = { ...article };
  for (const key of ARTICLE_DETAIL_KEYS) delete next[key];
  return { ...next, ...structuredClone(details) } as Article;
}

/** An edit as `updateArticle` receives it: `undefined` keeps a detail, `null` clears it. */
export type DetailsEdit = { title?: string; tags?: string[] } & {
  [K in 'byline' | 'siteName' | 'url' | 'publishedAt']?: string | null;
};

/** The details after applying `edit` to `details`. */
export function editDetails(details: ArticleDetails, edit: DetailsEdit): ArticleDetails {
  const next: ArticleDetails = structuredClone(details);
  if (edit.title !== undefined) next.title = edit.title;
  if (edit.tags !== undefined) next.tags = [...edit.tags];
  for (const key of ['byline', 'siteName', 'url', 'publishedAt'] as const) {
    const value = edit[key];
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next;
}

/** True when two sets of details are the same (tags compared in order). */
export function sameDetails(a: ArticleDetails, b: ArticleDetails): boolean {
  return ARTICLE_DETAIL_KEYS.every((key) => JSON.stringify(a[key] ?? null) === JSON.stringify(b[key] ?? null));
}
