/**
 * Painting highlights, as pure functions: which highlight covers which characters of a run of
 * text, as a tree of nested marks that React renders. No DOM is touched, so it runs in tests
 * and benches, and the text it returns is exactly the run's text (marks never add characters,
 * which keeps every block's textContent equal to its canonical text).
 */
import type { HighlightColor } from '../../../src-main/common/model';

/**
 * One highlight as painting needs it, with offsets in whatever text the caller paints; or
 * (`kind: 'found'`) words the reader was asked to show, which are marked but are no highlight.
 * Everything its mark shows is here, so a block repaints exactly when one of its marks would
 * look different (which highlight is selected or flashing is shown apart: see useMarkFocus).
 */
export type PaintRange = { id: string; start: number; end: number } & (
  | {
      kind?: undefined;
      color: HighlightColor;
      /** What the mark is called, naming its colour's meaning (the colour itself when absent). */
      label?: string;
      /** The highlight is evidence for a claim. */
      claim?: boolean;
    }
  | { kind: 'found'; flashing?: boolean }
);

export type PaintNode = { kind: 'text'; text: string } | { kind: 'mark'; range: PaintRange; children: PaintNode[] };

/**
 * Outer before inner: a highlight that starts earlier (or, starting together, ends later)
 * encloses the other, so nesting is stable whatever order the ranges came in.
 */
export function compareRanges(a: PaintRange, b: PaintRange): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Sorts ranges outer-first and drops empty ones. Call once per article; `rangesByBlock` and
 * `paintRun` expect their input in this order.
 */
export function sortRanges(ranges: readonly PaintRange[]): PaintRange[] {
  return ranges.filter((range) => range.end > range.start).sort(compareRanges);
}

/**
 * Splits sorted article-wide ranges into the blocks they touch, re-based to each block's
 * start. `blockStarts[i]`/`blockLengths[i]` place block i in the canonical text.
 * A sweep over both sorted lists, so 1,000 highlights on a long article stay cheap.
 */
export function rangesByBlock(sorted: readonly PaintRange[], blockStarts: readonly number[], blockLengths: readonly number[]): PaintRange[][] {
  const out: PaintRange[][] = blockStarts.map(() => []);
  let first = 0;
  for (const range of sorted) {
    // Blocks wholly before this range are also before every later range's start.
    while (first < blockStarts.length && blockStarts[first]! + blockLengths[first]! <= range.start) first += 1;
    for (let block = first; block < blockStarts.length; block += 1) {
      const start = blockStarts[block]!;
      if (start >= range.end) break;
      const end = start + blockLengths[block]!;
      const from = Math.max(range.start, start);
      const to = Math.min(range.end, end);
      if (to > from) out[block]!.push({ ...range, start: from - start, end: to - start });
    }
  }
  return out;
}

/**
 * Paints one run of text that starts at `offset` in its block: the run cut at every highlight
 * boundary, each piece wrapped in the marks covering it, outermost first. Consecutive pieces
 * under the same outer mark share that mark, so a highlight over a plain run is one `<mark>`
 * and overlapping highlights nest. `ranges` must be sorted by `compareRanges`.
 */
export function paintRun(text: string, offset: number, ranges: readonly PaintRange[]): PaintNode[] {
  const root: PaintNode[] = [];
  sweepRun<PaintNode[]>(
    text,
    offset,
    ranges,
    (range, parent) => {
      const node: PaintNode = { kind: 'mark', range, children: [] };
      (parent ?? root).push(node);
      return node.children;
    },
    (piece, parent) => {
      (parent ?? root).push({ kind: 'text', text: piece });
    },
  );
  return root;
}

/**
 * The sweep behind `paintRun`, handing each mark and piece of text to the caller as it goes
 * (a tree for tests, DOM nodes for the reader) instead of building a tree of its own:
 * `openMark(range, parent)` makes a mark inside `parent` (undefined: at the top of the run)
 * and answers what its contents go into; `addText(piece, parent)` adds a piece of text.
 *
 * One sweep over the cuts: the marks open at a cut are the ones open before it, less those
 * that end there, plus those that start there, so each piece costs what its own marks cost and
 * not a scan of every highlight of the block. It runs first on a cold page (an article opens
 * in a page whose code has not been optimized yet), so it keeps to plain loops over numbers:
 * each range's offsets are read once, and the cuts are sorted as numbers, without callbacks.
 */
export function sweepRun<T>(
  text: string,
  offset: number,
  ranges: readonly PaintRange[],
  openMark: (range: PaintRange, parent: T | undefined) => T,
  addText: (piece: string, parent: T | undefined) => void,
): void {
  const runEnd = offset + text.length;
  // The ranges that cover part of the run (still outer-first), each cut to the run.
  const covering: PaintRange[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const range of ranges) {
    const { start, end } = range;
    if (start >= runEnd || end <= offset) continue;
    covering.push(range);
    starts.push(start > offset ? start : offset);
    ends.push(end < runEnd ? end : runEnd);
  }
  if (covering.length === 0) {
    if (text !== '') addText(text, undefined);
    return;
  }

  const cuts = new Float64Array(2 * covering.length + 2);
  cuts[0] = offset;
  cuts[1] = runEnd;
  for (let i = 0; i < covering.length; i += 1) {
    cuts[2 + 2 * i] = starts[i]!;
    cuts[3 + 2 * i] = ends[i]!;
  }
  cuts.sort();

  // The ranges covering the current piece, as indexes into `covering` (so outer-first: entering
  // in that order and leaving without reordering keeps them sorted), and the open marks.
  const stack: number[] = [];
  const openIndexes: number[] = [];
  const openParents: T[] = [];
  let next = 0;
  let from = cuts[0]!;
  for (let c = 1; c < cuts.length; c += 1) {
    const to = cuts[c]!;
    if (to === from) continue;
    let kept = 0;
    for (let s = 0; s < stack.length; s += 1) if (ends[stack[s]!]! > from) stack[kept++] = stack[s]!;
    stack.length = kept;
    while (next < covering.length && starts[next]! <= from) stack.push(next++);
    let keep = 0;
    while (keep < openIndexes.length && keep < stack.length && openIndexes[keep] === stack[keep]) keep += 1;
    openIndexes.length = keep;
    openParents.length = keep;
    for (let s = keep; s < stack.length; s += 1) {
      openParents.push(openMark(covering[stack[s]!]!, openParents[openParents.length - 1]));
      openIndexes.push(stack[s]!);
    }
    addText(text.slice(from - offset, to - offset), openParents[openParents.length - 1]);
    from = to;
  }
}

/**
 * Whether two lists of ranges paint the same: the same highlights, offsets and looks in the
 * same order. Lets a block whose highlights did not change skip painting again when another
 * block's did (the lists are rebuilt for every change).
 */
export function samePaint(a: readonly PaintRange[] | undefined, b: readonly PaintRange[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((range, index) => {
    const other = b[index]!;
    if (range.id !== other.id || range.start !== other.start || range.end !== other.end) return false;
    if (range.kind === 'found') return other.kind === 'found' && range.flashing === other.flashing;
    return other.kind === undefined && range.color === other.color && range.label === other.label && range.claim === other.claim;
  });
}

/** The text a painted tree spells, for tests and invariants: always the run's own text. */
export function paintedText(nodes: readonly PaintNode[]): string {
  return nodes.map((node) => (node.kind === 'text' ? node.text : paintedText(node.children))).join('');
}
