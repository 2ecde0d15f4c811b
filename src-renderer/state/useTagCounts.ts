import { useStore } from 'zustand';
import { annotationStore } from './annotation-store';

/** Every tag in the notebook with its counts per kind. */
export function useTagCounts() {
  return useStore(annotationStore, (state) => state.tags);
}
