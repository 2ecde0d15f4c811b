import { useStore } from 'zustand';
import { deleteRequestStore } from './delete-request-store';

/** The cited highlight whose deletion waits for confirmation, if any. */
export function useDeleteRequest() {
  return useStore(deleteRequestStore, (state) => state.deleteRequest);
}
