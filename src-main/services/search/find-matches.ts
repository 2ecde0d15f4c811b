/**
 * Where a query's words sit in one text: the best passage (for the reader to scroll to and
 * flash) and a snippet around it with the matching words marked. Runs only on the few
 * candidates a query ranks highest, since the index keeps no positions.
 *
 * Two ways to find the words, with the same answers: a fast one that searches the lower-cased
 * text for each word (enough whenever folding does not change the text, as in most English
 * prose), and the tokenizer's own walk over the whole text, used when the fast one misses a
 * word in a text whose accents or scripts it may not fold the tokenizer's way.
 */
import type { ParsedQuery, QueryWord } from './parse-query';
import { wordMatches } from './parse-query';
import { forEachToken, MAX_TERM } from './tokenize';

export interface TextRange {
  start: number;
  end: number;
}

export interface Passage {
  /** The passage in the text: from the first to the last word of the best match. */
  position: TextRange;
}

/** Finds where a sequence of words occurs consecutively in a text. */
type Locate = (sequence: readonly QueryWord[]) => TextRange[];

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** A letter, digit or mark outside ASCII: the only characters whose folding the fast way may not match. */
const NON_ASCII_WORD_CHAR = /(?![\0-\x7f])[\p{L}\p{N}\p{M}]/gu;
/** A run of word characters from where it is tried: one token of the tokenizer, before CJK splitting. */
const RUN = /[\p{L}\p{N}\p{M}]+/uy;
const WORD_CODE_POINT = /^[\p{L}\p{N}\p{M}]$/u;
const ASCII_WORD = /^[a-z0-9]+$/;

function isWordChar(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return at < text.length && WORD_CHAR.test(text[at]!);
}

/** The fast way: lower-cased text, word boundaries checked around each find. */
function locateInLowerCase(lower: string): Locate {
  const wordAt = (at: number, word: QueryWord): number => {
    if (!lower.startsWith(word.term, at)) return -1;
    let end = at + word.term.length;
    if (word.prefix) {
      while (end < lower.length && isWordChar(lower, end)) end += 1;
      return end;
    }
    return isWordChar(lower, end) ? -1 : end;
  };
  return (sequence) => {
    const found: TextRange[] = [];
    const [first, ...rest] = sequence;
    if (!first) return found;
    for (let at = lower.indexOf(first.term); at >= 0; at = lower.indexOf(first.term, at + 1)) {
      if (at > 0 && isWordChar(lower, at - 1)) continue;
      let end = wordAt(at, first);
      for (const word of rest) {
        if (end < 0) break;
        let next = end;
        while (next < lower.length && !isWordChar(lower, next)) next += 1;
        end = next > end ? wordAt(next, word) : -1;
      }
      if (end >= 0) found.push({ start: at, end });
    }
    return found;
  };
}

/** The exact way: the tokenizer's own tokens, so folding agrees with the index. */
function locateByTokens(text: string): Locate {
  const tokens: { term: string; start: number; end: number }[] = [];
  forEachToken(text, (term, start, end) => tokens.push({ term, start, end }));
  return (sequence) => {
    const found: TextRange[] = [];
    if (sequence.length === 0) return found;
    for (let i = 0; i + sequence.length <= tokens.length; i += 1) {
      let ok = true;
      for (let j = 0; j < sequence.length && ok; j += 1) ok = wordMatches(sequence[j]!, tokens[i + j]!.term);
      if (ok) found.push({ start: tokens[i]!.start, end: tokens[i + sequence.length - 1]!.end });
    }
    return found;
  };
}

/** Where the run of word characters holding `at` begins (code points, so a letter outside the BMP counts). */
function runStart(text: string, at: number): number {
  while (at > 0) {
    const code = text.charCodeAt(at - 1);
    if (code < 128) {
      if (!isWordChar(text, at - 1)) break;
      at -= 1;
      continue;
    }
    const width = (code & 0xfc00) === 0xdc00 && at >= 2 && (text.charCodeAt(at - 2) & 0xfc00) === 0xd800 ? 2 : 1;
    if (!WORD_CODE_POINT.test(text.slice(at - width, at))) break;
    at -= width;
  }
  return at;
}

/**
 * Whether a token holding a letter, digit or mark outside ASCII satisfies a query word. Only
 * such a token can hold a match the fast way misses (a folded "café" for "cafe"): when none
 * does, the text's other tokens are ASCII runs, which the fast way sees as the tokenizer does.
 */
function foldedTokenMatches(text: string, query: ParsedQuery): boolean {
  NON_ASCII_WORD_CHAR.lastIndex = 0;
  for (let found = NON_ASCII_WORD_CHAR.exec(text); found; found = NON_ASCII_WORD_CHAR.exec(text)) {
    RUN.lastIndex = runStart(text, found.index);
    const run = RUN.exec(text)![0];
    let matches = false;
    forEachToken(run, (term) => (matches ||= query.words.some((word) => wordMatches(word, term))));
    if (matches) return true;
    NON_ASCII_WORD_CHAR.lastIndex = RUN.lastIndex;
  }
  return false;
}

/** Each phrase and each word outside phrases: the units that must all be in the passage. */
function unitsOf(query: ParsedQuery): QueryWord[][] {
  const inPhrase = new Set(query.phrases.flat().map((w) => w.term));
  return [...query.phrases, ...query.words.filter((w) => !inPhrase.has(w.term)).map((w) => [w])];
}

function passageWith(locate: Locate, query: ParsedQuery, requireAll: boolean): Passage | null | 'missing' {
  const units = unitsOf(query).map((unit, i) => ({ spots: locate(unit), phrase: i < query.phrases.length }));
  if (units.some((u) => u.spots.length === 0 && (u.phrase || requireAll))) return 'missing';
  const present = units.filter((u) => u.spots.length > 0).map((u) => u.spots);
  if (present.length === 0) return 'missing';
  if (query.sequence.length > 1) {
    const [together] = locate(query.sequence);
    if (together) return { position: together };
  }
  return { position: shortestCover(present) };
}

/**
 * The best passage for `query` in `text`, or null when a quoted phrase (or, with
 * `requireAll`, any word) does not occur in it, or no word does. Best: all the words in the
 * order typed, side by side; else the shortest stretch holding every word (and phrase) found.
 */
export function findPassage(text: string, query: ParsedQuery, requireAll = false): Passage | null {
  if (query.words.length === 0) return null;
  const lower = text.toLowerCase();
  const foldable = lower.length === text.length && query.words.every((w) => ASCII_WORD.test(w.term));
  if (foldable) {
    const fast = passageWith(locateInLowerCase(lower), query, requireAll);
    // A miss is believed unless a token with accents or other scripts folds to a query word
    // (or a word was cut to the longest term): the tokenizer's walk would find no more.
    const exactMiss = query.words.every((w) => w.term.length < MAX_TERM) && !foldedTokenMatches(text, query);
    if (fast !== 'missing' || exactMiss) return fast === 'missing' ? null : fast;
  }
  const exact = passageWith(locateByTokens(text), query, requireAll);
  return exact === 'missing' ? null : exact;
}

/** The shortest stretch holding one spot of every unit (a sweep over all of them, by start). */
function shortestCover(units: TextRange[][]): TextRange {
  const events = units.flatMap((spots, unit) => spots.map((spot) => ({ ...spot, unit }))).sort((a, b) => a.start - b.start);
  const count = new Array<number>(units.length).fill(0);
  let covered = 0;
  let best: TextRange = { start: events[0]!.start, end: events[0]!.end };
  let bestSpan = Infinity;
  let left = 0;
  for (let right = 0; right < events.length; right += 1) {
    const unit = events[right]!.unit;
    count[unit] = count[unit]! + 1;
    if (count[unit] === 1) covered += 1;
    while (covered === units.length) {
      const start = events[left]!.start;
      let end = events[right]!.end;
      // An earlier phrase can reach past the last one's end; look only for a window that may win.
      if (end - start < bestSpan) for (let k = left; k < right; k += 1) end = Math.max(end, events[k]!.end);
      if (end - start < bestSpan) {
        bestSpan = end - start;
        best = { start, end };
      }
      const gone = events[left]!.unit;
      count[gone] = count[gone]! - 1;
      if (count[gone] === 0) covered -= 1;
      left += 1;
    }
  }
  return best;
}

/** Every word of `text` that satisfies a query word (for marking a title or a snippet). */
export function wordHits(text: string, query: ParsedQuery): TextRange[] {
  const hits: TextRange[] = [];
  forEachToken(text, (term, start, end) => {
    if (query.words.some((word) => wordMatches(word, term))) hits.push({ start, end });
  });
  return hits;
}

export interface Snippet {
  text: string;
  /** The matching words, in offsets of `text`. */
  matches: TextRange[];
}

const BEFORE = 60;
const LENGTH = 200;

/**
 * A short stretch of `text` around `focus` (the start, without one) with the query's words in
 * it marked, cut at word boundaries and marked with an ellipsis where cut.
 */
export function snippetAround(text: string, focus: TextRange | null, query: ParsedQuery): Snippet {
  const focusStart = focus?.start ?? 0;
  const focusEnd = focus?.end ?? 0;
  let start = Math.max(0, focusStart - BEFORE);
  let end = Math.min(text.length, Math.max(start + LENGTH, Math.min(focusEnd, focusStart + LENGTH)));
  if (start > 0) {
    const space = text.slice(start, focusStart).search(/\s/);
    if (space >= 0) start += space + 1;
  }
  if (end < text.length) {
    const from = Math.max(focusEnd, start);
    const space = text.slice(from, end).search(/\s\S*$/);
    if (space >= 0) end = from + space;
  }
  const lead = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  const body = text.slice(start, end);
  const matches = wordHits(body, query).map((hit) => ({ start: hit.start + lead.length, end: hit.end + lead.length }));
  return { text: lead + body.replace(/\s/g, ' ') + tail, matches };
}
