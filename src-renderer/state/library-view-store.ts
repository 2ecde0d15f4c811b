/**
 * How the person likes the library shown: sort order and the filters of their own (source,
 * has highlights, unread). View preferences, not notebook data, so they live in this
 * window's localStorage and survive a reload or restart. The tag filter is the window-wide
 * one in `tag-filter-store.ts`.
 */
import { z } from 'zod';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export const SORT_KEYS = ['added', 'published', 'title', 'source'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const viewSchema = z.object({
  sort: z.enum(SORT_KEYS),
  /** Newest first for dates, Z to A for text. */
  descending: z.boolean(),
  /** Only articles from this source (publisher, else how they came in). */
  source: z.string().nullable(),
  /** Only articles with at least one highlight. */
  annotated: z.boolean(),
  /** Only articles never opened. */
  unread: z.boolean(),
});
export type LibraryView = z.infer<typeof viewSchema>;

export const initialLibraryView: LibraryView = { sort: 'added', descending: true, source: null, annotated: false, unread: false };

export const LIBRARY_VIEW_KEY = 'marginalia.library-view';

/** The saved view, or the default when there is none or it cannot be read (never throws). */
function savedView(): LibraryView {
  try {
    const raw = globalThis.localStorage?.getItem(LIBRARY_VIEW_KEY);
    if (!raw) return initialLibraryView;
    const parsed = viewSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : initialLibraryView;
  } catch {
    return initialLibraryView;
  }
}

export const libraryViewStore = createStore<LibraryView>(() => savedView());

libraryViewStore.subscribe((view) => {
  try {
    globalThis.localStorage?.setItem(LIBRARY_VIEW_KEY, JSON.stringify(view));
  } catch {
    // Storage full or disabled: the view still works, it just will not be remembered.
  }
});

/** Re-reads the saved view (for tests that simulate a restart). */
export function reloadLibraryView(): void {
  libraryViewStore.setState(savedView(), true);
}

/** Dates read newest first and text A to Z unless the person turns it round. */
export function setSort(sort: SortKey): void {
  libraryViewStore.setState({ sort, descending: sort === 'added' || sort === 'published' });
}

export function setLibraryFilter(filter: Partial<Pick<LibraryView, 'source' | 'annotated' | 'unread' | 'descending'>>): void {
  libraryViewStore.setState(filter);
}

export function useLibraryView(): LibraryView {
  return useStore(libraryViewStore);
}
