import { useStore } from 'zustand';
import { annotationStore } from './annotation-store';

/** What undo and redo would do next. */
export function useHistoryState() {
  return useStore(annotationStore, (state) => state.history);
}
