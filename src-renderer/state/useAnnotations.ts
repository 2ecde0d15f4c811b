import { useStore } from 'zustand';
import { annotationStore } from './annotation-store';

/** The open article's highlights, in reading order. */
export function useAnnotations() {
  return useStore(annotationStore, (state) => state.annotations);
}
