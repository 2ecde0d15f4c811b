import { useStore } from 'zustand';
import { annotationStore } from './annotation-store';

/** The cited highlight whose deletion waits for confirmation, if any. */
export function useDeleteRequest() {
  return useStore(annotationStore, (state) => state.deleteRequest);
}
