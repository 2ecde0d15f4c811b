import { useStore } from 'zustand';
import { highlightFocusStore } from './highlight-focus-store';

/** The highlight whose card should open its tag field (just made by the toolbar's Tag). */
export function useTagFocus() {
  return useStore(highlightFocusStore, (state) => state.tagFocusId);
}
