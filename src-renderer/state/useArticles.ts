import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { libraryStore } from './library-store';

/** The article list, and whether it has been fetched (whole or its first rows) or failed to be. */
export function useArticles() {
  return useStore(
    libraryStore,
    useShallow(({ articles, listed, complete, listFailed }) => ({ articles, listed, complete, listFailed })),
  );
}
