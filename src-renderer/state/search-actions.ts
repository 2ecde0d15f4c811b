/**
 * What the person does in search. Typing schedules a search a moment after the last key, so
 * typing is never held up; answers that arrive after a newer question are ignored.
 */
import type { SearchFilters, SearchResult } from '../../src-main/common/search-schema';
import { notebook } from '../notebook-client';
import { goToResult } from './go-to-search-result';
import { shownOrder } from './search-result-groups';
import { searchStore } from './search-store';

/** Wait after a key before searching: long enough to skip most intermediate words. */
export const SEARCH_DELAY_MS = 120;

let timer: ReturnType<typeof setTimeout> | undefined;
let asked = 0;

export function openSearchDialog(): void {
  searchStore.setState({ open: true });
  // Answers reflect the notebook now, not when the dialog was last open.
  if (searchStore.getState().query.trim() !== '') void runSearch();
}

export function closeSearchDialog(): void {
  clearTimeout(timer);
  searchStore.setState({ open: false });
}

export function setSearchQuery(query: string): void {
  searchStore.setState({ query, searching: query.trim() !== '' });
  clearTimeout(timer);
  timer = setTimeout(() => void runSearch(), SEARCH_DELAY_MS);
}

export function setSearchFilters(change: Partial<SearchFilters>): void {
  const filters = { ...searchStore.getState().filters, ...change };
  for (const key of Object.keys(filters) as (keyof SearchFilters)[]) if (filters[key] === undefined) delete filters[key];
  searchStore.setState({ filters });
  clearTimeout(timer);
  void runSearch();
}

export async function runSearch(): Promise<void> {
  const { query, filters } = searchStore.getState();
  const id = ++asked;
  if (query.trim() === '') {
    searchStore.setState({ answer: null, answeredQuery: '', searching: false, error: null, active: 0 });
    return;
  }
  searchStore.setState({ searching: true });
  const answer = await notebook.search({ query, filters });
  if (id !== asked) return;
  if (!answer.ok) {
    searchStore.setState({ searching: false, error: answer.error.message });
    return;
  }
  searchStore.setState({ answer: answer.value, answeredQuery: query, searching: false, error: null, active: 0 });
}

/** Moves the active result by `delta`, wrapping round. */
export function moveActive(delta: number): void {
  const { answer, active } = searchStore.getState();
  const count = answer?.results.length ?? 0;
  if (count === 0) return;
  searchStore.setState({ active: (active + delta + count) % count });
}

export function setActive(index: number): void {
  searchStore.setState({ active: index });
}

/** Closes the dialog and goes to a result (the active one by default). */
export async function openResult(result?: SearchResult): Promise<void> {
  // Enter right after typing goes by what was typed, not by the answer to the words before it.
  if (!result && searchStore.getState().answeredQuery !== searchStore.getState().query) {
    clearTimeout(timer);
    await runSearch();
    const now = searchStore.getState();
    if (now.answeredQuery !== now.query) return;
  }
  const { answer, active } = searchStore.getState();
  const chosen = result ?? shownOrder(answer?.results ?? [])[active];
  if (!chosen) return;
  closeSearchDialog();
  await goToResult(chosen);
}
