/**
 * Where a query's words sit in one text: the best passage (for the reader to scroll to and
 * flash) and a snippet around it with the matching words marked. Runs only on the few
 * candidates a query ranks highest, since the index keeps no positions.
 */
import type { ParsedQuery, QueryWord } from './parse-query';
import { wordMatches } from './parse-query';
import { forEachToken } from './tokenize';

export interface TextRange {
  start: number;
  end: number;
}

export interface Passage {
  /** The passage in the text: from the first to the last word of the best match. */
  position: TextRange;
  /** Every matching word in the text, in order. */
  hits: TextRange[];
}

interface Token {
  start: number;
  end: number;
  /** Which query words this token satisfies (indexes into `query.words`). */
  words: number[];
}

/** Tokens of `text` that satisfy some query word. */
function matchingTokens(text: string, words: readonly QueryWord[]): { tokens: Token[]; all: { term: string; start: number; end: number }[] } {
  const tokens: Token[] = [];
  const all: { term: string; start: number; end: number }[] = [];
  forEachToken(text, (term, start, end) => {
    all.push({ term, start, end });
    const matched: number[] = [];
    words.forEach((word, i) => {
      if (wordMatches(word, term)) matched.push(i);
    });
    if (matched.length > 0) tokens.push({ start, end, words: matched });
  });
  return { tokens, all };
}

/** Every word of `text` that satisfies a query word (for marking a title or a short field). */
export function wordHits(text: string, query: ParsedQuery): TextRange[] {
  return matchingTokens(text, query.words).tokens.map(({ start, end }) => ({ start, end }));
}

/** Token index ranges [from, to) where `sequence` appears as consecutive words. */
function occurrences(all: { term: string }[], sequence: readonly QueryWord[]): [number, number][] {
  const found: [number, number][] = [];
  if (sequence.length === 0) return found;
  for (let i = 0; i + sequence.length <= all.length; i += 1) {
    let ok = true;
    for (let j = 0; j < sequence.length && ok; j += 1) ok = wordMatches(sequence[j]!, all[i + j]!.term);
    if (ok) found.push([i, i + sequence.length]);
  }
  return found;
}

/**
 * The best passage for `query` in `text`, or null when a quoted phrase (or, with
 * `requireAll`, any word) does not occur in it. Best: all the words in the order typed, side
 * by side; else the shortest stretch holding every word (and phrase) that occurs.
 */
export function findPassage(text: string, query: ParsedQuery, requireAll = false): Passage | null {
  const { tokens, all } = matchingTokens(text, query.words);
  const toRange = ([from, to]: [number, number]): TextRange => ({ start: all[from]!.start, end: all[to - 1]!.end });
  const phraseHits = query.phrases.map((phrase) => occurrences(all, phrase));
  if (phraseHits.some((hits) => hits.length === 0)) return null;
  if (tokens.length === 0) return null;

  const hits = tokens.map(({ start, end }) => ({ start, end }));
  if (query.sequence.length > 1) {
    const together = occurrences(all, query.sequence);
    if (together.length > 0) return { position: toRange(together[0]!), hits };
  }

  // Units: each phrase (as its occurrences) and each word outside phrases (as its tokens).
  const inPhrase = new Set(query.phrases.flat().map((w) => w.term));
  const units: [number, number][][] = [...phraseHits];
  const tokenIndex = new Map(all.map((t, i) => [t.start, i]));
  query.words.forEach((word, w) => {
    if (inPhrase.has(word.term)) return;
    const spots = tokens.filter((t) => t.words.includes(w)).map((t): [number, number] => {
      const i = tokenIndex.get(t.start)!;
      return [i, i + 1];
    });
    if (spots.length > 0) units.push(spots);
    else if (requireAll) units.push([]);
  });
  if (units.some((spots) => spots.length === 0)) return null;
  return { position: toRange(shortestCover(units)), hits };
}

/** The shortest token span holding one occurrence of every unit (a sweep over all of them). */
function shortestCover(units: [number, number][][]): [number, number] {
  const events = units.flatMap((spots, unit) => spots.map(([from, to]) => ({ from, to, unit }))).sort((a, b) => a.from - b.from);
  const count = new Array<number>(units.length).fill(0);
  let covered = 0;
  let best: [number, number] = [events[0]!.from, events[0]!.to];
  let bestSpan = Infinity;
  let left = 0;
  for (let right = 0; right < events.length; right += 1) {
    const unit = events[right]!.unit;
    count[unit] = count[unit]! + 1;
    if (count[unit] === 1) covered += 1;
    while (covered === units.length) {
      const from = events[left]!.from;
      let to = from;
      for (let k = left; k <= right; k += 1) to = Math.max(to, events[k]!.to);
      if (to - from < bestSpan) {
        bestSpan = to - from;
        best = [from, to];
      }
      const gone = events[left]!.unit;
      count[gone] = count[gone]! - 1;
      if (count[gone] === 0) covered -= 1;
      left += 1;
    }
  }
  return best;
}

export interface Snippet {
  text: string;
  /** The matching words, in offsets of `text`. */
  matches: TextRange[];
}

const BEFORE = 60;
const LENGTH = 200;

/** A short stretch of `text` around `focus` with the `hits` inside it, cut at word boundaries. */
export function snippetAround(text: string, focus: TextRange | null, hits: readonly TextRange[]): Snippet {
  const focusStart = focus?.start ?? 0;
  let start = Math.max(0, focusStart - BEFORE);
  let end = Math.min(text.length, Math.max(start + LENGTH, focus ? Math.min(focus.end, focusStart + LENGTH) : 0));
  if (start > 0) {
    const space = text.slice(start, focusStart).search(/\s/);
    if (space >= 0) start += space + 1;
  }
  if (end < text.length) {
    const space = text.slice(focus?.end ?? start, end).search(/\s\S*$/);
    if (space >= 0) end = (focus?.end ?? start) + space;
  }
  const lead = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  const body = text.slice(start, end).replace(/\s/g, ' ');
  const matches = hits
    .filter((hit) => hit.start >= start && hit.end <= end)
    .map((hit) => ({ start: hit.start - start + lead.length, end: hit.end - start + lead.length }));
  return { text: lead + body + tail, matches };
}
