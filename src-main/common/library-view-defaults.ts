/**
 * The library view's sort keys and its default, apart from its schema (library-view.ts): the
 * window asks for its first rows before zod and the rest of its code are loaded.
 */
export const SORT_KEYS = ['added', 'published', 'title', 'source'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface LibraryView {
  sort: SortKey;
  /** Newest first for dates, Z to A for text. */
  descending: boolean;
  /** Only articles from this source (publisher, else how they came in). */
  source: string | null;
  /** Only articles with at least one highlight. */
  annotated: boolean;
  /** Only articles never opened. */
  unread: boolean;
}

export const initialLibraryView: LibraryView = { sort: 'added', descending: true, source: null, annotated: false, unread: false };
