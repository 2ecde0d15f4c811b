import { useStore } from 'zustand';
import { searchStore, type SearchState } from './search-store';

/** The search dialog's state. */
export function useSearch(): SearchState {
  return useStore(searchStore);
}
