import { useStore } from 'zustand';
import { annotationStore } from './annotation-store';

/** Every claim in the notebook, most recently changed first. */
export function useClaims() {
  return useStore(annotationStore, (state) => state.claims);
}
