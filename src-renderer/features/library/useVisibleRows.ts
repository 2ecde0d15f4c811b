/**
 * Which rows of a long list of equal-height rows are in view: only those (plus a few either
 * side) are rendered, so 10,000 articles cost what 20 do. Heights are fixed, so the window
 * is arithmetic on the scroll position; no row is measured.
 */
import { useEffect, useState, type RefObject } from 'react';

/** Used until the scroller has been measured (and where nothing lays out, as in jsdom). */
const UNMEASURED_HEIGHT = 720;

export interface VisibleRows {
  /** First rendered row (inclusive). */
  start: number;
  /** Last rendered row (exclusive). */
  end: number;
}

export function visibleRows(scrollTop: number, height: number, count: number, rowHeight: number, overscan: number): VisibleRows {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + height) / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}

export function useVisibleRows(scroller: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan = 6): VisibleRows {
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(UNMEASURED_HEIGHT);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setHeight(element.clientHeight || UNMEASURED_HEIGHT);
    const onScroll = () => setScrollTop(element.scrollTop);
    measure();
    onScroll();
    element.addEventListener('scroll', onScroll, { passive: true });
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : undefined;
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer?.disconnect();
    };
  }, [scroller]);

  return visibleRows(scrollTop, height, count, rowHeight, overscan);
}
