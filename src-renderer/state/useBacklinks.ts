import { useMemo } from 'react';
import { useStore } from 'zustand';
import { researchStore } from './research-store';
import { backlinksByAnnotation } from '../../src-main/common/note-links';

/** For each highlight, the notes that cite it. */
export function useBacklinks() {
  const notes = useStore(researchStore, (state) => state.notes);
  return useMemo(() => backlinksByAnnotation(notes), [notes]);
}
