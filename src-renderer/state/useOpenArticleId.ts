import { useStore } from 'zustand';
import { libraryStore } from './library-store';

/** The id of the article open in the reader, if any (for marking it in the list). */
export function useOpenArticleId(): string | null {
  return useStore(libraryStore, (state) => state.openId);
}
