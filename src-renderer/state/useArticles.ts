import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { libraryStore } from './library-store';

/** The article list, and whether it has been fetched (or failed to be). */
export function useArticles() {
  return useStore(
    libraryStore,
    useShallow(({ articles, listed, listFailed }) => ({ articles, listed, listFailed })),
  );
}
