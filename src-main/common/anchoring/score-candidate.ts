/**
 * How much to believe that a candidate span is the passage a target described, and the
 * thresholds below which we would rather orphan a highlight than move it.
 */
import { QUOTE_CONTEXT } from '../quote-limits';
import { leadingEditDistance } from './edit-distance';
import type { TextTarget } from './types';

/** A span of the text where the quote may be, with its edit distance from the quote. */
export interface Candidate {
  start: number;
  end: number;
  errors: number;
}

export interface ScoredCandidate extends Candidate {
  /** Overall confidence, 0–1: the weighted mix of the three similarities below. */
  score: number;
  /** 1 − errors / quote length. */
  quote: number;
  /** Similarity of the text around the span to the stored prefix and suffix, 0–1. */
  context: number;
}

/**
 * Weights as in hypothesis/client's match-quote (quote 50, prefix 20 + suffix 20, position 2):
 * the quote is most of the evidence, each side of context a fifth, and the distance from the
 * stored position only breaks ties between otherwise equal candidates (a repeated sentence with
 * the same surroundings), since an article edited near its top legitimately moves everything.
 */
export const WEIGHTS = { quote: 50, context: 40, position: 2 } as const;

/**
 * Quotes shorter than this never match approximately: at that length one wrong letter makes
 * another word ("from" → "form", "there" → "where"), found all over any article.
 */
export const MIN_FUZZY_QUOTE = 8;

/**
 * Most edit errors an approximate match may have, as a share of the quote's length. Beyond a
 * quarter, a sentence matches other sentences of similar shape; keeping the search bound this
 * tight also keeps Myers' algorithm fast (its cost grows with the error bound).
 */
export const MAX_ERROR_RATE = 1 / 4;

/**
 * Least context agreement for moving a highlight. Unrelated places agree by chance at about
 * 0.23 (median), 0.35 (99th percentile) and under 0.5 (99.9th) on corpus pages (wikipedia,
 * guardian-1, lwn-1, nytimes-1), while one side left intact already gives 0.5: a quote whose
 * surroundings are both gone is a look-alike, not a move. Short quotes carry almost no
 * evidence of their own, and "the" has hundreds of chances to agree by luck, so their context
 * must agree far better.
 */
export const MIN_CONTEXT = 0.5;
export const MIN_CONTEXT_SHORT_QUOTE = 0.75;

/**
 * Least overall score. With the weights above it lets a quote with a few typos fixed keep one
 * side of its context (quote ≥ 0.85, context 0.5), or a heavily edited quote keep most of it
 * (quote 0.75, context ≥ 0.6), and rejects anything worse.
 */
export const MIN_SCORE = 0.7;

/** Scores `candidate` against `target` in `text` (see WEIGHTS). */
export function scoreCandidate(text: string, target: TextTarget, candidate: Candidate): ScoredCandidate {
  const { exact, prefix, suffix } = target.quote;
  const quote = Math.max(0, 1 - candidate.errors / exact.length);
  const context = contextAgreement(text, prefix, suffix, candidate);
  const distance = Math.abs(candidate.start - target.position.start);
  const position = text.length === 0 ? 1 : Math.max(0, 1 - distance / text.length);
  const total = WEIGHTS.quote + WEIGHTS.context + WEIGHTS.position;
  const score = (WEIGHTS.quote * quote + WEIGHTS.context * context + WEIGHTS.position * position) / total;
  return { ...candidate, score, quote, context };
}

/** Whether a scored candidate is good enough to move a highlight to. */
export function isConfident(candidate: ScoredCandidate, quoteLength: number): boolean {
  const minContext = quoteLength < MIN_FUZZY_QUOTE ? MIN_CONTEXT_SHORT_QUOTE : MIN_CONTEXT;
  return candidate.context >= minContext && candidate.score >= MIN_SCORE;
}

/**
 * Prefix and suffix similarity, averaged by their stored lengths so that every context character
 * counts the same: a prefix cut short by the start of the text counts for little, an empty one
 * (the quote began the text) for nothing. With no stored context at all there is nothing to
 * contradict the candidate, so it agrees fully.
 */
function contextAgreement(text: string, prefix: string, suffix: string, candidate: Candidate): number {
  const stored = prefix.length + suffix.length;
  if (stored === 0) return 1;
  return (prefixSimilarity(text, prefix, candidate.start) * prefix.length + suffixSimilarity(text, suffix, candidate.end) * suffix.length) / stored;
}

/**
 * How well the text just before `at` ends with `prefix`, 0–1. Twice the context is read so a
 * few inserted words shift the stored context without pushing it out of view.
 */
function prefixSimilarity(text: string, prefix: string, at: number): number {
  if (prefix.length === 0) return 1;
  if (text.startsWith(prefix, at - prefix.length)) return 1;
  const before = text.slice(Math.max(0, at - 2 * Math.max(QUOTE_CONTEXT, prefix.length)), at);
  return 1 - Math.min(prefix.length, leadingEditDistance(reverse(prefix), reverse(before))) / prefix.length;
}

/** How well the text from `at` begins with `suffix`, 0–1 (see prefixSimilarity). */
function suffixSimilarity(text: string, suffix: string, at: number): number {
  if (suffix.length === 0) return 1;
  if (text.startsWith(suffix, at)) return 1;
  const after = text.slice(at, at + 2 * Math.max(QUOTE_CONTEXT, suffix.length));
  return 1 - Math.min(suffix.length, leadingEditDistance(suffix, after)) / suffix.length;
}

/** Code units reversed: turns "ends with" into "begins with" for the edit distance. */
function reverse(value: string): string {
  let reversed = '';
  for (let i = value.length - 1; i >= 0; i -= 1) reversed += value[i];
  return reversed;
}
