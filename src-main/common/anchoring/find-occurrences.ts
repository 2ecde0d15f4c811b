/** Exact occurrences of a quote, and a cheap pre-ranking of them by their immediate context. */
import type { Candidate } from './score-candidate';
import type { TextTarget } from './types';

/** Occurrences scored in full; a very common quote ("the") is cut down to these first. */
export const MAX_SCORED_OCCURRENCES = 32;

/** Every occurrence of `quote` in `text`, overlapping ones included. */
export function findOccurrences(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

/**
 * The occurrences most likely to be the highlighted one, at most MAX_SCORED_OCCURRENCES: those
 * whose text just before and after agrees longest with the stored prefix and suffix, counted
 * outward from the quote. Full scoring compares context by edit distance, which costs too much
 * to run on each of a thousand "the"; an occurrence that survives an edit keeps an untouched
 * run of context on at least one side, while the others share a character or two by chance.
 */
export function likeliestOccurrences(text: string, target: TextTarget, occurrences: Candidate[]): Candidate[] {
  if (occurrences.length <= MAX_SCORED_OCCURRENCES) return occurrences;
  const { prefix, suffix } = target.quote;
  return occurrences
    .map((occurrence) => ({ occurrence, agreement: commonBefore(text, prefix, occurrence.start) + commonAfter(text, suffix, occurrence.end) }))
    .sort((a, b) => b.agreement - a.agreement || distance(a.occurrence, target) - distance(b.occurrence, target))
    .slice(0, MAX_SCORED_OCCURRENCES)
    .map(({ occurrence }) => occurrence);
}

/** How many characters before `at` equal the end of `prefix`. */
function commonBefore(text: string, prefix: string, at: number): number {
  let n = 0;
  while (n < prefix.length && at - n > 0 && text.charCodeAt(at - n - 1) === prefix.charCodeAt(prefix.length - n - 1)) n += 1;
  return n;
}

/** How many characters from `at` equal the start of `suffix`. */
function commonAfter(text: string, suffix: string, at: number): number {
  let n = 0;
  while (n < suffix.length && at + n < text.length && text.charCodeAt(at + n) === suffix.charCodeAt(n)) n += 1;
  return n;
}

function distance(candidate: Candidate, target: TextTarget): number {
  return Math.abs(candidate.start - target.position.start);
}
