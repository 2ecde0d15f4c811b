import { describe, expect, it } from 'vitest';
import { visibleRows } from './useVisibleRows';

describe('visibleRows', () => {
  it('renders the rows in view and a few either side', () => {
    expect(visibleRows(580, 580, 10_000, 58, 6)).toEqual({ start: 4, end: 26 });
  });

  it('shows every row of a list that a filter made shorter than where it was scrolled to', () => {
    // Scrolled far down a long list, then a filter leaves five rows: all five are drawn.
    expect(visibleRows(50_000, 600, 5, 58, 6)).toEqual({ start: 0, end: 5 });
  });
});
