/** What undo and redo would do now, as the notebook last said (history-actions runs them). */
import { createStore } from 'zustand/vanilla';
import type { HistoryState } from '../../src-main/common/model';

export interface HistoryStoreState {
  history: HistoryState;
}

export const initialHistoryState: HistoryStoreState = { history: { undo: null, redo: null } };

export const historyStore = createStore<HistoryStoreState>(() => initialHistoryState);
