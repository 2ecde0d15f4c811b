import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { readerSelectionStore } from './reader-selection-store';

/** The reader's selection in canonical offsets, and whether Esc dismissed its toolbar. */
export function useReaderSelection() {
  return useStore(
    readerSelectionStore,
    useShallow(({ selection, toolbarDismissed }) => ({ selection, toolbarDismissed })),
  );
}
