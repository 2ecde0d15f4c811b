import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { libraryStore } from './library-store';

/**
 * The article the reader shows. `view` is set only once it belongs to `openId`, so a reader
 * never shows the previous article under the next one's selection.
 */
export function useOpenArticle() {
  return useStore(
    libraryStore,
    useShallow(({ openId, view, opening }) => ({
      openId,
      view: view && view.id === openId ? view : null,
      opening,
    })),
  );
}
