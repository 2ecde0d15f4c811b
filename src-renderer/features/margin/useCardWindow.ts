/**
 * Which cards of the margin's list are near the viewport (see card-window.ts), kept up to
 * date as the margin scrolls or resizes and as rendered cards are measured. When heights
 * change (a card measured for the first time, a comment added), the card the person is looking
 * at stays where it is on screen: the scroll position moves by as much as that card moved.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { cardsInBand, layoutCards, type CardLayout, type CardRange } from './card-window';

/** Used until the margin has been measured (and where nothing lays out, as in jsdom). */
const UNMEASURED_VIEWPORT = 720;

/** Rendered beyond each edge of the viewport, in pixels, so Tab and short scrolls find cards there. */
const OVERSCAN = 600;

export interface CardWindow {
  layout: CardLayout;
  range: CardRange;
  /** A ref callback for each rendered card's wrapper, which must carry `data-card-id`. */
  observe: (element: HTMLElement | null) => (() => void) | undefined;
}

interface Band {
  /** The viewport's top, in list coordinates. */
  from: number;
  height: number;
}

/** The viewport of `scroller` in the coordinates of `list`, which scrolls inside it. */
function readBand(scroller: HTMLElement, list: HTMLElement): Band {
  return {
    from: scroller.getBoundingClientRect().top - list.getBoundingClientRect().top,
    height: scroller.clientHeight || UNMEASURED_VIEWPORT,
  };
}

interface Anchor {
  id: string;
  /** The card's top when it was chosen. */
  top: number;
}

/**
 * The card to hold still: `anchorId`'s when it is in view, else the one at the top of the
 * viewport; none at the very top, where the list's start stays put by itself.
 */
function chooseAnchor(band: Band, ids: readonly string[], layout: CardLayout, anchorId: string | null): Anchor | null {
  const chosen = anchorId === null ? -1 : ids.indexOf(anchorId);
  const inView = chosen >= 0 && layout.tops[chosen]! < band.from + band.height && layout.tops[chosen]! + layout.heights[chosen]! > band.from;
  const index = inView ? chosen : band.from > 0 ? cardsInBand(layout, band.from, band.from + 1).start : -1;
  return index >= 0 && index < ids.length ? { id: ids[index]!, top: layout.tops[index]! } : null;
}

/** `anchorId` names the card to hold still when it is in view (the selected one). */
export function useCardWindow(scroller: RefObject<HTMLElement | null>, list: RefObject<HTMLElement | null>, ids: readonly string[], anchorId: string | null): CardWindow {
  const [measured, setMeasured] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [band, setBand] = useState<Band>({ from: 0, height: UNMEASURED_VIEWPORT });
  const layout = useMemo(() => layoutCards(ids, measured), [ids, measured]);
  const latest = useRef({ ids, layout, anchorId });
  const anchor = useRef<Anchor | null>(null);
  // Whether the viewport has been read since the list was shown (see below).
  const bandRead = useRef(false);

  // After a layout change, scroll by as much as the held card moved, then choose again.
  useLayoutEffect(() => {
    latest.current = { ids, layout, anchorId };
    const element = scroller.current;
    const inner = list.current;
    if (!element || !inner) return;
    const held = anchor.current;
    // Reading the viewport here makes the browser lay out the whole window inside this render
    // (~50 ms of a 1,000-highlight article's opening, before its text was even shown). Until
    // the list has been laid out once there is no card to hold: the first read is left to the
    // resize observer below, which is told the list's size right after that first layout.
    if (held === null && !bandRead.current && typeof ResizeObserver === 'function') return;
    const index = held ? ids.indexOf(held.id) : -1;
    const shift = index >= 0 ? layout.tops[index]! - held!.top : 0;
    // The scroll that follows brings the band up to date.
    if (shift !== 0) element.scrollBy({ top: shift, behavior: 'instant' });
    anchor.current = chooseAnchor(readBand(element, inner), ids, layout, anchorId);
  }, [scroller, list, ids, layout, anchorId]);

  useEffect(() => {
    const element = scroller.current;
    const inner = list.current;
    if (!element || !inner) return;
    const update = () => {
      const now = readBand(element, inner);
      bandRead.current = true;
      const { ids, layout, anchorId } = latest.current;
      anchor.current = chooseAnchor(now, ids, layout, anchorId);
      setBand((was) => (was.from === now.from && was.height === now.height ? was : now));
    };
    element.addEventListener('scroll', update, { passive: true });
    // The list resizes when cards are measured or added, and moves when what is above it does.
    // An observer is also told each element's size once it is first laid out: that is the
    // first read (a shown pane always has a size; a hidden one keeps the unmeasured band).
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : undefined;
    if (observer) {
      observer.observe(element);
      observer.observe(inner);
    } else update();
    return () => {
      element.removeEventListener('scroll', update);
      observer?.disconnect();
    };
  }, [scroller, list]);

  const [cards] = useState(() =>
    typeof ResizeObserver === 'function'
      ? new ResizeObserver((entries) => {
          const heights = new Map<string, number>();
          for (const entry of entries) {
            const id = entry.target instanceof HTMLElement ? entry.target.dataset.cardId : undefined;
            const height = entry.borderBoxSize?.[0]?.blockSize ?? entry.target.getBoundingClientRect().height;
            // A hidden margin measures 0: keep what was measured while it showed.
            if (id !== undefined && height > 0) heights.set(id, height);
          }
          setMeasured((was) => {
            const changed = [...heights].filter(([id, height]) => was.get(id) !== height);
            return changed.length === 0 ? was : new Map([...was, ...changed]);
          });
        })
      : undefined,
  );
  // Each card stops being observed when it leaves the DOM (the ref's cleanup).
  const observe = useCallback(
    (element: HTMLElement | null) => {
      if (!element || !cards) return undefined;
      cards.observe(element);
      return () => cards.unobserve(element);
    },
    [cards],
  );

  const range = cardsInBand(layout, band.from - OVERSCAN, band.from + band.height + OVERSCAN);
  return { layout, range, observe };
}
