/**
 * Approximate search for a quote in part of a text, with approx-string-match (Myers'
 * bit-parallel algorithm, O(k/32 · n) for k allowed errors over n characters).
 */
import search from 'approx-string-match';
import type { Candidate } from './score-candidate';
import { MAX_ERROR_RATE } from './score-candidate';

export interface Span {
  start: number;
  end: number;
}

/** Quotes longer than this are located by their head and tail, then verified whole. */
export const LONG_QUOTE = 256;
/** Length of the head and tail used to locate a long quote. */
export const SEED_LENGTH = 64;
/** Most head or tail matches followed up per search, so a repetitive text stays cheap. */
const MAX_SEEDS = 16;

/** Stands in for masked text: a noncharacter that no quote contains. */
const MASK = '\uffff';

/**
 * The closest approximate matches of `quote` inside `region` of `text`, ignoring text inside
 * `masked` spans (candidates already found and rejected). At most a quarter of the quote's
 * characters may differ (MAX_ERROR_RATE). Only the matches with the fewest errors are returned,
 * as approx-string-match does; mask them and search again to see the next best.
 */
export function findApproximate(text: string, quote: string, region: Span, masked: readonly Span[]): Candidate[] {
  const maxErrors = Math.floor(quote.length * MAX_ERROR_RATE);
  if (quote.length <= LONG_QUOTE) return distinct(searchRegion(text, quote, maxErrors, region, masked));

  // Searching for a long quote costs O(m/32 · n) and grows with the allowed errors, so instead
  // find its head and its tail (cheap: 64 characters, 16 errors), and verify the whole quote only
  // in the few windows where they place it. A quote whose head and tail both changed beyond a
  // quarter is not found, which its low score would have rejected anyway.
  const seedErrors = Math.floor(SEED_LENGTH * MAX_ERROR_RATE);
  const heads = searchRegion(text, quote.slice(0, SEED_LENGTH), seedErrors, region, masked).slice(0, MAX_SEEDS);
  const tails = searchRegion(text, quote.slice(-SEED_LENGTH), seedErrors, region, masked).slice(0, MAX_SEEDS);
  const windows = mergeSpans([
    ...heads.map((head) => ({ start: head.start - maxErrors, end: head.start + quote.length + maxErrors })),
    ...tails.map((tail) => ({ start: tail.end - quote.length - maxErrors, end: tail.end + maxErrors })),
  ]);
  return distinct(windows.flatMap((window) => searchRegion(text, quote, maxErrors, window, masked)));
}

/**
 * One match per place: approx-string-match reports each end offset that reaches the lowest
 * error count, so one passage comes back as several overlapping spans a character apart.
 */
function distinct(matches: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const match of [...matches].sort((a, b) => a.start - b.start || a.errors - b.errors)) {
    const last = kept[kept.length - 1];
    if (!last || match.start >= last.end) kept.push(match);
    else if (match.errors < last.errors) kept[kept.length - 1] = match;
  }
  return kept;
}

/** approx-string-match inside `region` (clamped to the text), offsets relative to the whole text. */
function searchRegion(text: string, pattern: string, maxErrors: number, region: Span, masked: readonly Span[]): Candidate[] {
  const start = Math.max(0, region.start);
  const end = Math.min(text.length, region.end);
  if (end - start < pattern.length - maxErrors) return [];
  return search(maskedSlice(text, start, end, masked), pattern, maxErrors).map((match) => ({
    start: start + match.start,
    end: start + match.end,
    errors: match.errors,
  }));
}

/** `text.slice(start, end)` with the masked spans overwritten, offsets unchanged. */
function maskedSlice(text: string, start: number, end: number, masked: readonly Span[]): string {
  let slice = '';
  let at = start;
  for (const span of [...masked].sort((a, b) => a.start - b.start)) {
    const from = Math.max(at, span.start);
    const to = Math.min(end, span.end);
    if (from >= to) continue;
    slice += text.slice(at, from) + MASK.repeat(to - from);
    at = to;
  }
  return slice + text.slice(at, end);
}

/** Sorted, non-overlapping union of spans. */
function mergeSpans(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
