/**
 * Where the stored context says a candidate's edges are. Used two ways:
 * - to put the edges of an approximate match there: approx-string-match returns the span with
 *   the fewest edits, and when words were inserted near an end of the quote that is often a
 *   truncated span ("…forces in the nearby" is closer to "…forces in the East Asian country"
 *   than the whole edited passage is);
 * - to reject an exact occurrence that the context places elsewhere: another "t" three
 *   characters from the highlighted one has almost the same surroundings, only shifted.
 */
import search from 'approx-string-match';
import { QUOTE_CONTEXT } from '../quote-limits';
import { editDistance } from './edit-distance';
import type { Candidate } from './score-candidate';
import { MAX_ERROR_RATE } from './score-candidate';
import type { TextQuoteSelector } from './types';

/** Context shorter than this says too little to move an edge by. */
const MIN_SNAP_CONTEXT = 8;
/** Bound on the verifying edit distance, so verifying a 20,000-character quote stays cheap. */
const MAX_VERIFY_ERRORS = 256;

/**
 * `candidate` with its start moved to where the stored prefix ends and its end to where the
 * stored suffix begins, when each is found within the quote's error bound of the edge; or
 * `candidate` unchanged when the moved span would differ from the quote by more than allowed.
 */
export function snapToContext(text: string, quote: TextQuoteSelector, candidate: Candidate): Candidate {
  const slack = Math.floor(quote.exact.length * MAX_ERROR_RATE);
  const start = prefixEnd(text, quote.prefix, candidate.start, slack) ?? candidate.start;
  const end = suffixStart(text, quote.suffix, candidate.end, slack) ?? candidate.end;
  if ((start === candidate.start && end === candidate.end) || start >= end) return candidate;
  // Moving the edges by d characters changes the distance by at most d, which bounds the band.
  const moved = Math.abs(start - candidate.start) + Math.abs(end - candidate.end);
  const errors = editDistance(quote.exact, text.slice(start, end), Math.min(slack, MAX_VERIFY_ERRORS, candidate.errors + moved));
  return errors === Infinity ? candidate : { start, end, errors };
}

/**
 * Whether the context places `candidate` somewhere else: a side of the stored context is found
 * nearby (within QUOTE_CONTEXT characters) against a different offset, and no side is found
 * against the candidate itself. A side that is not found at all (rewritten) says nothing.
 */
export function isDisplaced(text: string, quote: TextQuoteSelector, candidate: Candidate): boolean {
  const slack = Math.max(QUOTE_CONTEXT, Math.floor(quote.exact.length * MAX_ERROR_RATE));
  const edges = [
    [prefixEnd(text, quote.prefix, candidate.start, slack), candidate.start],
    [suffixStart(text, quote.suffix, candidate.end, slack), candidate.end],
  ].filter((edge): edge is [number, number] => edge[0] !== undefined);
  return edges.length > 0 && edges.every(([found, expected]) => found !== expected);
}

/** Where the stored prefix ends, searching `slack` characters either side of `near`. */
function prefixEnd(text: string, prefix: string, near: number, slack: number): number | undefined {
  if (prefix.length < MIN_SNAP_CONTEXT) return undefined;
  const from = Math.max(0, near - slack - prefix.length);
  const matches = search(text.slice(from, near + slack), prefix, Math.floor(prefix.length * MAX_ERROR_RATE));
  return closest(matches.map((match) => from + match.end), near);
}

/** Where the stored suffix begins, searching `slack` characters either side of `near`. */
function suffixStart(text: string, suffix: string, near: number, slack: number): number | undefined {
  if (suffix.length < MIN_SNAP_CONTEXT) return undefined;
  const from = Math.max(0, near - slack);
  const matches = search(text.slice(from, near + slack + suffix.length), suffix, Math.floor(suffix.length * MAX_ERROR_RATE));
  return closest(matches.map((match) => from + match.start), near);
}

function closest(offsets: number[], near: number): number | undefined {
  let best: number | undefined;
  for (const offset of offsets) if (best === undefined || Math.abs(offset - near) < Math.abs(best - near)) best = offset;
  return best;
}
