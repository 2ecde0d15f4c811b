/**
 * Where each card of a long margin sits, and which of them are near the viewport, as pure
 * arithmetic. Cards differ in height (comments, claims, tags), so each one's height is the
 * measured one once it has been rendered, and an estimate until then: the average of those
 * measured, so the scrollbar stays about right while most cards were never drawn.
 */

/** Before any card has been measured (and where nothing lays out, as in jsdom). */
export const DEFAULT_CARD_HEIGHT = 180;

export interface CardLayout {
  /** Each card's top, from the top of the list. */
  tops: number[];
  heights: number[];
  /** The whole list's height. */
  total: number;
}

/** The height to assume for a card not measured yet. */
export function estimateCardHeight(measured: ReadonlyMap<string, number>): number {
  if (measured.size === 0) return DEFAULT_CARD_HEIGHT;
  let sum = 0;
  for (const height of measured.values()) sum += height;
  return sum / measured.size;
}

/** Stacks the cards, measured or estimated, one under the other. */
export function layoutCards(ids: readonly string[], measured: ReadonlyMap<string, number>, estimate = estimateCardHeight(measured)): CardLayout {
  const tops: number[] = [];
  const heights: number[] = [];
  let at = 0;
  for (const id of ids) {
    const height = measured.get(id) ?? estimate;
    tops.push(at);
    heights.push(height);
    at += height;
  }
  return { tops, heights, total: at };
}

export interface CardRange {
  /** First card in range (inclusive). */
  start: number;
  /** Last card in range (exclusive). */
  end: number;
}

/**
 * The cards that overlap the band from `from` to `to` (list coordinates; the viewport plus
 * overscan), found by binary search so a scroll costs the same with 10 cards or 10,000.
 */
export function cardsInBand({ tops, heights }: CardLayout, from: number, to: number): CardRange {
  // First card whose bottom is below `from`.
  let low = 0;
  let high = tops.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tops[middle]! + heights[middle]! > from) high = middle;
    else low = middle + 1;
  }
  const start = low;
  // First card whose top is at or below `to`.
  high = tops.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tops[middle]! >= to) high = middle;
    else low = middle + 1;
  }
  return { start, end: Math.max(start, low) };
}

/**
 * The indices to render, in list order: the cards in range, and the ones that must stay
 * (the selected card, the one holding focus), wherever they are.
 */
export function cardsToRender(range: CardRange, keep: Iterable<number>): number[] {
  const extra = [...keep].filter((index) => index >= 0 && (index < range.start || index >= range.end));
  const indices: number[] = [];
  for (let index = range.start; index < range.end; index += 1) indices.push(index);
  return [...new Set(extra)].concat(indices).sort((a, b) => a - b);
}
