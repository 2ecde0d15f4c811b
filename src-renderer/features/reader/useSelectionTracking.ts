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
    // The first read waits for the next frame: reading the selection makes the browser lay
    // out the window first, and here that was the whole newly rendered article inside this
    // render's task (~50 ms of opening a 1,000-highlight article). A new article's body holds
    // no selection yet; a selection made meanwhile is reported by selectionchange.
    const first = requestAnimationFrame(update);
    return () => {
      cancelAnimationFrame(first);
      document.removeEventListener('selectionchange', update);
      readerSelectionStore.setState({ selection: null });
    };
  }, [article, text]);
}
