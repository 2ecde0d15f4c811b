import { useStore } from 'zustand';
import { legendStore } from './legend-store';

/** What each highlight colour means. */
export function useLegend() {
  return useStore(legendStore, (state) => state.legend);
}
