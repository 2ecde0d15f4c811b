import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { highlightFocusStore } from './highlight-focus-store';

/** Which highlight is selected (its card current) and which passage is flashing. */
export function useHighlightFocus() {
  return useStore(
    highlightFocusStore,
    useShallow(({ selectedId, flashId }) => ({ selectedId, flashId })),
  );
}
