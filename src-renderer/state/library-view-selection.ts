/**
 * The articles picked in the library for a bulk action. A click with Ctrl/Cmd toggles one,
 * a click with Shift picks the range from the last one toggled (the anchor), as in a file
 * manager. Ranges are taken in the order the list shows, which the caller passes in.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export interface SelectionState {
  selected: ReadonlySet<string>;
  /** Where a Shift range starts. */
  anchorId: string | null;
}

export const initialSelectionState: SelectionState = { selected: new Set(), anchorId: null };

export const selectionStore = createStore<SelectionState>(() => initialSelectionState);

export function toggleSelected(id: string): void {
  selectionStore.setState(({ selected }) => {
    const next = new Set(selected);
    if (!next.delete(id)) next.add(id);
    return { selected: next, anchorId: id };
  });
}

/**
 * Picks every article from the anchor to `id` in `order` (the list as shown), added to what
 * was picked already. Without an anchor it picks `id` alone.
 */
export function selectRange(order: readonly string[], id: string): void {
  const { selected, anchorId } = selectionStore.getState();
  const from = anchorId ? order.indexOf(anchorId) : -1;
  const to = order.indexOf(id);
  if (to < 0) return;
  const next = new Set(selected);
  if (from < 0) next.add(id);
  else for (const each of order.slice(Math.min(from, to), Math.max(from, to) + 1)) next.add(each);
  selectionStore.setState({ selected: next, anchorId: anchorId && from >= 0 ? anchorId : id });
}

export function selectAll(order: readonly string[]): void {
  selectionStore.setState({ selected: new Set(order), anchorId: order[0] ?? null });
}

export function clearSelection(): void {
  selectionStore.setState(initialSelectionState);
}

/** Forgets picked articles that are no longer in the notebook (after a delete or an undo). */
export function keepSelectedAmong(existing: ReadonlySet<string>): void {
  const { selected, anchorId } = selectionStore.getState();
  if ([...selected].every((id) => existing.has(id))) return;
  selectionStore.setState({
    selected: new Set([...selected].filter((id) => existing.has(id))),
    anchorId: anchorId && existing.has(anchorId) ? anchorId : null,
  });
}

export function useSelection(): ReadonlySet<string> {
  return useStore(selectionStore, (state) => state.selected);
}
