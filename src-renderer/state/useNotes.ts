import { useStore } from 'zustand';
import { annotationStore } from './annotation-store';

/** Every note's metadata and links, most recently changed first. */
export function useNotes() {
  return useStore(annotationStore, (state) => state.notes);
}
