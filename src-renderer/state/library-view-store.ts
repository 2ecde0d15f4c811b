/**
 * How the person likes the library shown: sort order and the filters of their own (source,
 * has highlights, unread). View preferences, not notebook data, so they live in this
 * window's localStorage and survive a reload or restart. The tag filter is the window-wide
 * one in `tag-filter-store.ts`.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { initialLibraryView, isLibraryView, type LibraryView, type SortKey } from '../../src-main/common/library-view-defaults';
import { LIBRARY_VIEW_KEY } from './early-first-rows';

export { SORT_KEYS, initialLibraryView, type LibraryView, type SortKey } from '../../src-main/common/library-view-defaults';

export { LIBRARY_VIEW_KEY } from './early-first-rows';

/** The saved view, or the default when there is none or it cannot be read (never throws). */
function savedView(): LibraryView {
  try {
    const raw = globalThis.localStorage?.getItem(LIBRARY_VIEW_KEY);
    if (!raw) return initialLibraryView;
    const saved: unknown = JSON.parse(raw);
    // Only the view's own fields: a saved view may carry others from an older window.
    return isLibraryView(saved) ? { sort: saved.sort, descending: saved.descending, source: saved.source, annotated: saved.annotated, unread: saved.unread } : initialLibraryView;
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
