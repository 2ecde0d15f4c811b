/**
 * Follows the document selection while an article is open and keeps the store's
 * `selection` (canonical offsets, plus where the toolbar goes) in step with it.
 */
import { useEffect, type RefObject } from 'react';
import { readerSelectionStore, type ReaderSelection } from '../../state/reader-selection-store';
import { selectionOffsets } from './selection-offsets';

function sameOffsets(a: ReaderSelection | null, b: ReaderSelection | null): boolean {
  return a?.start === b?.start && a?.end === b?.end;
}

export function useSelectionTracking(article: RefObject<HTMLElement | null>, text: string): void {
  useEffect(() => {
    const update = () => {
      const root = article.current?.querySelector('.article-body') ?? null;
      const selection = document.getSelection();
      const offsets = selectionOffsets(selection, root, text);
      const previous = readerSelectionStore.getState().selection;
      if (!offsets) {
        if (previous) readerSelectionStore.setState({ selection: null, toolbarDismissed: false });
        return;
      }
      const next: ReaderSelection = { ...offsets };
      const range = selection!.getRangeAt(0);
      // jsdom has no layout (and no Range.getBoundingClientRect); the toolbar then sits at the top.
      if (article.current && typeof range.getBoundingClientRect === 'function') {
        const box = range.getBoundingClientRect();
        const frame = article.current.getBoundingClientRect();
        next.anchor = { left: box.left + box.width / 2 - frame.left, top: box.top - frame.top, bottom: box.bottom - frame.top };
      }
      readerSelectionStore.setState({ selection: next, ...(sameOffsets(previous, next) ? {} : { toolbarDismissed: false }) });
    };
    document.addEventListener('selectionchange', update);
    update();
    return () => {
      document.removeEventListener('selectionchange', update);
      readerSelectionStore.setState({ selection: null });
    };
  }, [article, text]);
}
