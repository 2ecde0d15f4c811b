/**
 * The fields of an article's details and their labels, apart from checking them
 * (details-form.ts): saving names a field in its messages, and the window's startup bundle
 * holds no schemas.
 */
export const DETAIL_FIELDS = ['title', 'byline', 'siteName', 'url', 'publishedAt', 'tags'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

export const DETAIL_LABELS: Record<DetailField, string> = {
  title: 'Title',
  byline: 'Authors',
  siteName: 'Publisher',
  url: 'URL',
  publishedAt: 'Published',
  tags: 'Tags',
};
