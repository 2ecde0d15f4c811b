import { useStore } from 'zustand';
import { researchStore } from './research-store';

/** Every tag in the notebook with its counts per kind. */
export function useTagCounts() {
  return useStore(researchStore, (state) => state.tags);
}
