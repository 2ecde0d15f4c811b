/**
 * The search dialog's state, outside React so the keyboard shortcut and the actions can reach
 * it: whether it is open, what was typed, the filters, the latest answer and which result is
 * active (moved with the arrow keys).
 */
import { createStore } from 'zustand/vanilla';
import type { SearchAnswer, SearchFilters } from '../../src-main/common/search-schema';

export interface SearchState {
  open: boolean;
  query: string;
  filters: SearchFilters;
  /** The answer to `answeredQuery`; kept while the next one is on its way, so results do not flicker. */
  answer: SearchAnswer | null;
  answeredQuery: string;
  /** A search for what is typed now has not answered yet. */
  searching: boolean;
  error: string | null;
  /** Index of the active result, in the order the results are shown. */
  active: number;
}

export const initialSearchState: SearchState = {
  open: false,
  query: '',
  filters: {},
  answer: null,
  answeredQuery: '',
  searching: false,
  error: null,
  active: 0,
};

export const searchStore = createStore<SearchState>(() => initialSearchState);
