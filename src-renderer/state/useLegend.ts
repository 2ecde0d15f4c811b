import { useStore } from 'zustand';
import { annotationStore } from './annotation-store';

/** What each highlight colour means. */
export function useLegend() {
  return useStore(annotationStore, (state) => state.legend);
}
