/**
 * REFI-QDA counts text positions in Unicode code points (spec §10.2: "the first and the last
 * character (Unicode codepoint) in the file. The first codepoint in the file has the number 0");
 * the notebook counts in UTF-16 code units (JavaScript string indices). They differ by one for
 * every astral character (emoji, many CJK extension ideographs) before the position; text in
 * any other script, right-to-left included, counts the same in both.
 */

/** Converts offsets between UTF-16 code units and code points for one text. */
export class CodePointOffsets {
  /** UTF-16 offsets of the high surrogates of well-formed surrogate pairs, ascending. */
  private readonly pairs: number[] = [];
  /** The text's length in code points (a lone surrogate counts as one, as UTF-8 encodes it as U+FFFD). */
  readonly length: number;

  constructor(text: string) {
    for (let i = 0; i < text.length - 1; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) this.pairs.push(i++);
      }
    }
    this.length = text.length - this.pairs.length;
  }

  /**
   * The code point offset of UTF-16 offset `unit`. An offset between the two halves of a pair
   * widens to the whole character: to its start when it starts a range, to its end when it ends one.
   */
  toCodePoint(unit: number, edge: 'start' | 'end'): number {
    const before = countWhile(this.pairs.length, (k) => this.pairs[k]! < unit);
    const splitsPair = before > 0 && this.pairs[before - 1] === unit - 1;
    return unit - before + (splitsPair && edge === 'end' ? 1 : 0);
  }

  /** The UTF-16 offset of code point offset `point`. */
  toUtf16(point: number): number {
    // Pair k starts at code point pairs[k] - k; each pair before `point` adds one code unit.
    return point + countWhile(this.pairs.length, (k) => this.pairs[k]! - k < point);
  }
}

/** How many of the first `n` indices satisfy `test`, for a test that holds for a prefix of them. */
function countWhile(n: number, test: (index: number) => boolean): number {
  let low = 0;
  let high = n;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (test(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}
