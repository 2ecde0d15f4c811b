/**
 * Saving an article's details (title, authors, publisher, URL, date, tags), based on the
 * version the window showed when the edit began (see based-save): details only the other
 * window changed are kept, the same detail changed in both is shown to choose from.
 */
import type { ApiResponse } from '../../src-main/common/api';
import type { ArticleMeta } from '../../src-main/common/model';
import { DETAIL_LABELS } from '../components/details-fields';
import { notebook } from '../notebook-client';
import { saveBased } from './based-save';

/** An article's metadata with the revision an edit of it is based on. */
export type RevisedMeta = ArticleMeta & { rev?: string | undefined };

type DetailFields = {
  title: string;
  byline: string | null;
  siteName: string | null;
  url: string | null;
  publishedAt: string | null;
  tags: string[];
};

/** Saves `mine` for the article the edit started from (`base`); answers its metadata as it now is. */
export function saveArticleFields(base: RevisedMeta, mine: Partial<DetailFields>): Promise<ApiResponse<RevisedMeta>> {
  return saveBased<RevisedMeta, DetailFields>({
    kind: 'article',
    name: base.title,
    base,
    mine,
    fieldsOf: (article) => ({
      title: article.title,
      byline: article.byline ?? null,
      siteName: article.siteName ?? null,
      url: article.url ?? null,
      publishedAt: article.publishedAt ?? null,
      tags: article.tags,
    }),
    labels: DETAIL_LABELS,
    send: (fields, baseRev) => notebook.updateArticle({ id: base.id, ...fields, baseRev }),
    fetchCurrent: () => notebook.getArticle({ id: base.id }),
  });
}
