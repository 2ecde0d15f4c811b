import { describe, expect, it } from 'vitest';
import { paintRun, paintedText, rangesByBlock, samePaint, sortRanges, type PaintNode, type PaintRange } from './paint-segments';

const r = (id: string, start: number, end: number): PaintRange => ({ id, color: 'yellow', start, end });

/** A compact picture of a painted tree: marks as [id:…], text as is. */
function show(nodes: PaintNode[]): string {
  return nodes.map((node) => (node.kind === 'text' ? node.text : `[${node.range.id}:${show(node.children)}]`)).join('');
}

describe('paintRun', () => {
  const text = 'The quick brown fox';

  it('leaves a run without highlights as one text node', () => {
    expect(show(paintRun(text, 0, []))).toBe(text);
  });

  it('wraps the covered characters in one mark', () => {
    expect(show(paintRun(text, 0, [r('a', 4, 9)]))).toBe('The [a:quick] brown fox');
  });

  it('nests a highlight inside another', () => {
    expect(show(paintRun(text, 0, sortRanges([r('in', 4, 9), r('out', 0, 15)])))).toBe('[out:The [in:quick] brown] fox');
  });

  it('splits overlapping highlights so each piece is inside the marks that cover it', () => {
    expect(show(paintRun(text, 0, sortRanges([r('b', 10, 19), r('a', 4, 15)])))).toBe('The [a:quick [b:brown]][b: fox]');
  });

  it('nests highlights with the same start by length, the longer outside', () => {
    expect(show(paintRun(text, 0, sortRanges([r('short', 0, 3), r('long', 0, 9)])))).toBe('[long:[short:The] quick] brown fox');
  });

  it('paints only the part of a highlight inside a run that starts later in its block', () => {
    // The run "brown fox" starts at 10 in its block; the highlight covers 4–13 of the block.
    expect(show(paintRun('brown fox', 10, [r('a', 4, 13)]))).toBe('[a:bro]wn fox');
  });

  it('ignores zero-length highlights and ones outside the run', () => {
    expect(show(paintRun(text, 0, sortRanges([r('zero', 3, 3), r('after', 30, 40)])))).toBe(text);
  });

  it('never adds or loses a character', () => {
    const ranges = sortRanges([r('a', 1, 7), r('b', 3, 12), r('c', 5, 6), r('d', 0, 19), r('e', 18, 25)]);
    expect(paintedText(paintRun(text, 0, ranges))).toBe(text);
  });
});

describe('rangesByBlock', () => {
  // Blocks "Alpha" (0–5), "Beta" (7–11), "Gamma" (13–18), joined by "\n\n".
  const starts = [0, 7, 13];
  const lengths = [5, 4, 5];

  it('re-bases a highlight to the block it is in', () => {
    expect(rangesByBlock([r('a', 8, 10)], starts, lengths)).toEqual([[], [r('a', 1, 3)], []]);
  });

  it('cuts a highlight that spans blocks into one piece per block, skipping the separators', () => {
    expect(rangesByBlock([r('a', 3, 15)], starts, lengths)).toEqual([[r('a', 3, 5)], [r('a', 0, 4)], [r('a', 0, 2)]]);
  });

  it('keeps the outer-first order within each block', () => {
    const painted = rangesByBlock(sortRanges([r('in', 8, 9), r('out', 7, 11)]), starts, lengths);
    expect(painted[1]!.map((range) => range.id)).toEqual(['out', 'in']);
  });

  it('drops a highlight that covers only a separator', () => {
    expect(rangesByBlock([r('gap', 5, 7)], starts, lengths)).toEqual([[], [], []]);
  });
});

/**
 * Painting must not be quadratic in the number of highlights. Work is counted, not timed: every
 * read of a range's fields goes through a counter, and the count must grow in step with the
 * highlights (a scan of every highlight for every piece would read millions here).
 */
describe('painting 1,000 highlights does work in proportion to them', () => {
  function counted(ranges: PaintRange[]): { ranges: PaintRange[]; reads: () => number } {
    let reads = 0;
    const wrapped = ranges.map(
      (range) =>
        new Proxy(range, {
          get(target, key, receiver) {
            reads += 1;
            return Reflect.get(target, key, receiver) as unknown;
          },
        }),
    );
    return { ranges: wrapped, reads: () => reads };
  }

  it('paints one long run with 1,000 highlights, each overlapping the next, reading each a few times', () => {
    // Highlight i covers characters 10 i … 10 i + 15: at most two cover any character.
    const text = 'x'.repeat(10_010);
    const { ranges, reads } = counted(Array.from({ length: 1_000 }, (_, i) => r(`h${String(i).padStart(4, '0')}`, i * 10, i * 10 + 15)));
    const nodes = paintRun(text, 0, ranges);
    expect(paintedText(nodes)).toBe(text);
    expect(reads()).toBeLessThan(40 * ranges.length);
  });

  it('splits 1,000 highlights among 1,000 blocks reading each a few times', () => {
    const starts = Array.from({ length: 1_000 }, (_, i) => i * 102);
    const lengths = starts.map(() => 100);
    const { ranges, reads } = counted(sortRanges(Array.from({ length: 1_000 }, (_, i) => r(`h${String(i).padStart(4, '0')}`, i * 102 + 10, i * 102 + 20))));
    const before = reads();
    const perBlock = rangesByBlock(ranges, starts, lengths);
    expect(perBlock.every((block) => block.length === 1)).toBe(true);
    expect(reads() - before).toBeLessThan(20 * ranges.length);
  });
});

describe('samePaint', () => {
  const y = r('a', 1, 5);
  it.each([
    { a: [y], b: [y], same: true, why: 'the same list' },
    { a: [y], b: [{ ...y }], same: true, why: 'equal ranges rebuilt' },
    { a: [y], b: [{ ...y, end: 6 }], same: false, why: 'moved end' },
    { a: [y], b: [{ ...y, color: 'pink' as const }], same: false, why: 'another colour' },
    { a: [y], b: [y, r('b', 2, 3)], same: false, why: 'one more highlight' },
    { a: [y], b: undefined, same: false, why: 'no list' },
  ])('$why: $same', ({ a, b, same }) => {
    expect(samePaint(a, b)).toBe(same);
  });
});
