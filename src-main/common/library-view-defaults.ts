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

/**
 * Whether a saved view is one the window can use, checked without zod (the window reads it at
 * start, and zod is not in its startup bundle). The same rules as `libraryViewSchema`, which the
 * main side checks the contract with; library-view.test.ts holds the two to the same answers.
 */
export function isLibraryView(value: unknown): value is LibraryView {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const view = value as Record<keyof LibraryView, unknown>;
  return (
    (SORT_KEYS as readonly unknown[]).includes(view.sort) &&
    typeof view.descending === 'boolean' &&
    (view.source === null || typeof view.source === 'string') &&
    typeof view.annotated === 'boolean' &&
    typeof view.unread === 'boolean'
  );
}
