/** The margin's windowing arithmetic: where cards sit, and which are near the viewport. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CARD_HEIGHT, cardsInBand, cardsToRender, estimateCardHeight, layoutCards } from './card-window';

const ids = (count: number) => Array.from({ length: count }, (_, index) => `ann_${index}`);

describe('estimateCardHeight', () => {
  it.each([
    { measured: [], expected: DEFAULT_CARD_HEIGHT },
    { measured: [['ann_0', 100]], expected: 100 },
    { measured: [['ann_0', 100], ['ann_1', 300]], expected: 200 },
  ] as { measured: [string, number][]; expected: number }[])('with $measured.length measured cards it is $expected', ({ measured, expected }) => {
    expect(estimateCardHeight(new Map(measured))).toBe(expected);
  });
});

describe('layoutCards', () => {
  it('stacks measured cards at their heights and the others at the estimate', () => {
    const layout = layoutCards(['a', 'b', 'c', 'd'], new Map([['b', 50], ['d', 70]]), 100);
    expect(layout).toEqual({ tops: [0, 100, 150, 250], heights: [100, 50, 100, 70], total: 320 });
  });

  it('estimates unmeasured cards from the measured ones by default', () => {
    expect(layoutCards(['a', 'b', 'c'], new Map([['a', 40], ['b', 60]])).total).toBe(150);
  });

  it('lays out nothing for no cards', () => {
    expect(layoutCards([], new Map())).toEqual({ tops: [], heights: [], total: 0 });
  });
});

describe('cardsInBand', () => {
  // Ten cards of 100 px: card i spans [100 i, 100 i + 100).
  const even = layoutCards(ids(10), new Map(), 100);
  it.each([
    { from: 0, to: 250, start: 0, end: 3, why: 'the top of the list' },
    { from: 100, to: 200, start: 1, end: 2, why: 'a band on card edges holds one card' },
    { from: 150, to: 451, start: 1, end: 5, why: 'cards cut by either edge are in' },
    { from: -600, to: 50, start: 0, end: 1, why: 'overscan above the list start' },
    { from: 900, to: 2000, start: 9, end: 10, why: 'overscan past the end' },
    { from: 5000, to: 6000, start: 10, end: 10, why: 'a band below every card holds none' },
  ])('$why: [$from, $to) → cards $start…$end', ({ from, to, start, end }) => {
    expect(cardsInBand(even, from, to)).toEqual({ start, end });
  });

  it('follows measured heights: a tall card early pushes the later ones down', () => {
    const layout = layoutCards(ids(5), new Map([['ann_0', 1000]]), 100);
    expect(cardsInBand(layout, 0, 500)).toEqual({ start: 0, end: 1 });
    expect(cardsInBand(layout, 1050, 1150)).toEqual({ start: 1, end: 3 });
  });

  it('finds the window among 10,000 cards without walking them all', () => {
    const layout = layoutCards(ids(10_000), new Map(), 120);
    expect(cardsInBand(layout, 600_000, 601_000)).toEqual({ start: 5000, end: 5009 });
  });
});

describe('cardsToRender', () => {
  it.each([
    { range: { start: 3, end: 6 }, keep: [], expected: [3, 4, 5], why: 'the range alone' },
    { range: { start: 3, end: 6 }, keep: [900, -1, 0], expected: [0, 3, 4, 5, 900], why: 'kept cards join in list order; -1 (none) is ignored' },
    { range: { start: 3, end: 6 }, keep: [4, 900, 900], expected: [3, 4, 5, 900], why: 'a kept card already in range, or kept twice, is there once' },
    { range: { start: 0, end: 0 }, keep: [7], expected: [7], why: 'an empty range still keeps its cards' },
  ])('$why', ({ range, keep, expected }) => {
    expect(cardsToRender(range, keep)).toEqual(expected);
  });
});
