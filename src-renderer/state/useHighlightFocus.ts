import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { annotationStore } from './annotation-store';

/** Which highlight is selected (its card current) and which passage is flashing. */
export function useHighlightFocus() {
  return useStore(
    annotationStore,
    useShallow(({ selectedId, flashId }) => ({ selectedId, flashId })),
  );
}
