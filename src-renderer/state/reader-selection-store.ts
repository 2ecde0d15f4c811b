/** What the reader's text selection covers, and whether Esc has hidden its toolbar. */
import { createStore } from 'zustand/vanilla';

export interface ReaderSelection {
  start: number;
  end: number;
  /** Where the toolbar goes, relative to the article element (absent where layout is unknown). */
  anchor?: { left: number; top: number; bottom: number };
}

export interface ReaderSelectionState {
  /** The text selected in the reader, in canonical offsets. */
  selection: ReaderSelection | null;
  /** The person pressed Esc: hide the toolbar until the selection changes. */
  toolbarDismissed: boolean;
}

export const initialReaderSelectionState: ReaderSelectionState = {
  selection: null,
  toolbarDismissed: false,
};

export const readerSelectionStore = createStore<ReaderSelectionState>(() => initialReaderSelectionState);
