import { useStore } from 'zustand';
import { legendStore } from './legend-store';

/** The colour `h` applies. */
export function useCurrentColor() {
  return useStore(legendStore, (state) => state.currentColor);
}
