import { useStore } from 'zustand';
import { researchStore } from './research-store';

/** Every claim in the notebook, most recently changed first. */
export function useClaims() {
  return useStore(researchStore, (state) => state.claims);
}
