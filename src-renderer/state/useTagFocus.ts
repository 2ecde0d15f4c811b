import { useStore } from 'zustand';
import { annotationStore } from './annotation-store';

/** The highlight whose card should open its tag field (just made by the toolbar's Tag). */
export function useTagFocus() {
  return useStore(annotationStore, (state) => state.tagFocusId);
}
