import { describe, expect, it } from 'vitest';
import { RankedCandidates, type Kept } from '../ranked-candidates';

/** Candidates as [document, score, group]. */
function kept(rows: [number, number, number][]): Kept {
  return {
    docs: Int32Array.from(rows, ([doc]) => doc),
    scores: Float64Array.from(rows, ([, score]) => score),
    groups: Uint8Array.from(rows, ([, , group]) => group),
    inTitle: new Uint8Array(rows.length),
    // Room to spare, as arrays lent from one query to the next have.
    order: new Int32Array(rows.length + 5),
    n: rows.length,
  };
}

const ROWS: [number, number, number][] = [
  [4, 1.5, 0],
  [1, 3, 1],
  [7, 3, 0],
  [2, 0.5, 1],
  [9, 3, 1],
  [3, 2, 2],
  [5, 1.5, 1],
];

const all = <T>(ranked: RankedCandidates<T>) => {
  const out: T[] = [];
  for (let next = ranked.next(); next !== undefined; next = ranked.next()) out.push(next);
  return out;
};

describe('ranked candidates', () => {
  it('come by falling score across kinds, ties in document order', () => {
    const { docs } = kept(ROWS);
    expect(all(new RankedCandidates(kept(ROWS), 3, (slot) => docs[slot]!))).toEqual([1, 7, 9, 3, 4, 5, 2]);
  });

  it('skip what the caller refuses, and drop the rest of a finished kind', () => {
    const { docs, groups } = kept(ROWS);
    const ranked = new RankedCandidates(kept(ROWS), 3, (slot) => (docs[slot] === 7 ? null : { doc: docs[slot]!, group: groups[slot]! }));
    expect(ranked.next()).toEqual({ doc: 1, group: 1 });
    ranked.finish(1);
    expect(all(ranked).map((c) => c.doc)).toEqual([3, 4]);
  });

  it('answer nothing when there is no candidate', () => {
    expect(new RankedCandidates(kept([]), 4, () => 1).next()).toBeUndefined();
  });
});
