import { beforeEach, describe, expect, it } from 'vitest';
import { clearSelection, keepSelectedAmong, selectAll, selectionStore, selectRange, toggleSelected } from './library-view-selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const picked = () => [...selectionStore.getState().selected].sort();

beforeEach(clearSelection);

describe('picking articles', () => {
  it('toggles one at a time', () => {
    toggleSelected('b');
    toggleSelected('d');
    expect(picked()).toEqual(['b', 'd']);
    toggleSelected('b');
    expect(picked()).toEqual(['d']);
  });

  it('picks a range from the last one toggled, either way round, adding to what was picked', () => {
    toggleSelected('a');
    toggleSelected('d');
    selectRange(order, 'b');
    expect(picked()).toEqual(['a', 'b', 'c', 'd']);
    selectRange(order, 'e');
    expect(picked()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('picks just the one when there is no anchor yet', () => {
    selectRange(order, 'c');
    expect(picked()).toEqual(['c']);
  });

  it('picks all, and forgets those that are gone', () => {
    selectAll(order);
    keepSelectedAmong(new Set(['a', 'e']));
    expect(picked()).toEqual(['a', 'e']);
    expect(selectionStore.getState().anchorId).toBe('a');
  });
});
