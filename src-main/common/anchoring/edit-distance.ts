/** Levenshtein distance with a cut-off, for verifying a candidate span against a quote. */

/**
 * The number of single-character insertions, deletions and substitutions that turn `a` into
 * `b`, or Infinity when it exceeds `limit`. Only the diagonal band of width 2·limit + 1 is
 * computed (Ukkonen), so the cost is O(min(|a|, |b|) · limit), not O(|a| · |b|).
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return Infinity;
  if (a === b) return 0;
  const over = limit + 1;
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j += 1) previous[j] = Math.min(j, over);
  for (let i = 1; i <= a.length; i += 1) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    current[from - 1] = from === 1 ? Math.min(i, over) : over;
    let rowMin = current[from - 1]!;
    for (let j = from; j <= to; j += 1) {
      const substitute = previous[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const deleteA = (j <= i + limit - 1 ? previous[j]! : over) + 1;
      const insertB = current[j - 1]! + 1;
      const cell = Math.min(substitute, deleteA, insertB, over);
      current[j] = cell;
      if (cell < rowMin) rowMin = cell;
    }
    if (to < b.length) current[to + 1] = over;
    if (rowMin > limit) return Infinity;
    [previous, current] = [current, previous];
  }
  const distance = previous[b.length]!;
  return distance > limit ? Infinity : distance;
}

/**
 * The edit distance between `pattern` and the closest prefix of `text` (any length): how many
 * edits make `text` begin with `pattern`. Context is compared this way, anchored at the quote's
 * edge, so that a word inserted next to a quote costs its length and no more, while the same
 * words found further off do not count as context. O(|pattern| · |text|); both are short.
 */
export function leadingEditDistance(pattern: string, text: string): number {
  let previous = new Uint32Array(text.length + 1);
  let current = new Uint32Array(text.length + 1);
  for (let j = 0; j <= text.length; j += 1) previous[j] = j;
  for (let i = 1; i <= pattern.length; i += 1) {
    current[0] = i;
    const code = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= text.length; j += 1) {
      const substitute = previous[j - 1]! + (code === text.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitute, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return Math.min(...previous);
}
