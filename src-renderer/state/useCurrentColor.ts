import { useStore } from 'zustand';
import { annotationStore } from './annotation-store';

/** The colour `h` applies. */
export function useCurrentColor() {
  return useStore(annotationStore, (state) => state.currentColor);
}
