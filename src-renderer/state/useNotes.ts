import { useStore } from 'zustand';
import { researchStore } from './research-store';

/** Every note's metadata and links, most recently changed first. */
export function useNotes() {
  return useStore(researchStore, (state) => state.notes);
}
