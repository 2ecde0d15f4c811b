/**
 * The library as the renderer holds it: the article list, which article is open, and its
 * loaded view. Kept outside React so actions can update it without a component in hand;
 * components read it through the small `useX` hooks beside this file.
 */
import { createStore } from 'zustand/vanilla';
import type { ArticleListing, ArticleView } from '../../src-main/common/model';

export interface LibraryState {
  /** Article metadata (with annotation counts) in the order the main side lists it. */
  articles: ArticleListing[];
  /** The list has been fetched at least once, so an empty `articles` means an empty library. */
  listed: boolean;
  /**
   * `articles` is the whole library. False while only the first rows of the person's view
   * have arrived (a large library paints those first, then the rest follows).
   */
  complete: boolean;
  /** The last attempt to fetch the list failed. */
  listFailed: boolean;
  /** The article the reader shows (or is fetching), if any. */
  openId: string | null;
  /** The loaded article; may briefly belong to the previous `openId` while the next one loads. */
  view: ArticleView | null;
  /** `openId` is being fetched: its text, then its highlights. */
  opening: boolean;
  /** The open article's highlights are being painted (in slices: see leaf-painter.ts). */
  painting: boolean;
}

export const initialLibraryState: LibraryState = {
  articles: [],
  listed: false,
  complete: false,
  listFailed: false,
  openId: null,
  view: null,
  opening: false,
  painting: false,
};

export const libraryStore = createStore<LibraryState>(() => initialLibraryState);

/**
 * Resolves once the reader is settled: no article being fetched or painted (at once if none
 * is). Work the person is not waiting for — the rest of a large library, the claims — waits
 * for this, so an article opened meanwhile is fetched and painted first.
 */
export function whenReaderSettled(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      const { opening, painting } = libraryStore.getState();
      if (opening || painting) return;
      unsubscribe();
      resolve();
    };
    const unsubscribe = libraryStore.subscribe(done);
    done();
  });
}
