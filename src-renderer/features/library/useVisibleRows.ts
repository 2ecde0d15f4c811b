/**
 * Which rows of a long list of equal-height rows are in view: only those (plus a few either
 * side) are rendered, so 10,000 articles cost what 20 do. Heights are fixed, so the window
 * is arithmetic on the scroll position; no row is measured.
 */
import { useEffect, useState, type RefObject } from 'react';

/**
 * Used until the scroller has been measured (and where nothing lays out, as in jsdom): the
 * window's height, which the list cannot be taller than, so the first frame has every row it
 * needs.
 */
const UNMEASURED_HEIGHT = 720;
const unmeasured = () => (typeof window === 'undefined' ? UNMEASURED_HEIGHT : window.innerHeight || UNMEASURED_HEIGHT);

export interface VisibleRows {
  /** First rendered row (inclusive). */
  start: number;
  /** Last rendered row (exclusive). */
  end: number;
}

export function visibleRows(scrollTop: number, height: number, count: number, rowHeight: number, overscan: number): VisibleRows {
  // A list that got shorter (a filter) is scrolled back by the browser to at most its new end,
  // which the last scroll position read may not know yet: clamp it the same way.
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, count * rowHeight - height));
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + height) / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}

export function useVisibleRows(scroller: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan = 6): VisibleRows {
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(unmeasured);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const onScroll = () => setScrollTop(element.scrollTop);
    element.addEventListener('scroll', onScroll, { passive: true });
    // Measured by the observer, once the browser has laid the list out (it reports the first
    // size then), not read here: reading it here made the browser lay out the whole window
    // inside this effect (~20–170 ms of the first paint at 10,000 articles), and the first
    // frame then had a second render. A new list is scrolled to its top, as the state starts.
    // Rows are kept for the tallest the list has been: the first report (the list is shorter
    // than the window it was guessed from) then changes nothing. Dropping the few rows it does
    // not show re-rendered and laid out the list again right after the first paint (~25 ms of
    // CPU at 10,000 articles on a 2-core machine); the spare ones are only more overscan.
    const observer =
      typeof ResizeObserver === 'function'
        ? new ResizeObserver(() => setHeight((shown) => Math.max(shown, element.clientHeight || unmeasured())))
        : undefined;
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer?.disconnect();
    };
  }, [scroller]);

  return visibleRows(scrollTop, height, count, rowHeight, overscan);
}
