import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { annotationStore } from './annotation-store';

/** The reader's selection in canonical offsets, and whether Esc dismissed its toolbar. */
export function useReaderSelection() {
  return useStore(
    annotationStore,
    useShallow(({ selection, toolbarDismissed }) => ({ selection, toolbarDismissed })),
  );
}
