import { useStore } from 'zustand';
import { historyStore } from './history-store';

/** What undo and redo would do next. */
export function useHistoryState() {
  return useStore(historyStore, (state) => state.history);
}
