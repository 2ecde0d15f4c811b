/** A cited highlight whose deletion waits for the person to confirm it (see requestDeleteAnnotation). */
import { createStore } from 'zustand/vanilla';
import type { AnnotationUsage } from '../../src-main/common/model';

export interface DeleteRequestState {
  deleteRequest: { id: string; usage: AnnotationUsage } | null;
}

export const initialDeleteRequestState: DeleteRequestState = { deleteRequest: null };

export const deleteRequestStore = createStore<DeleteRequestState>(() => initialDeleteRequestState);
