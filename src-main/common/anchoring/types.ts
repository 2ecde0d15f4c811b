/**
 * Selector and anchoring types, named as in the W3C Web Annotation model
 * (https://www.w3.org/TR/annotation-model/#selectors). Offsets are UTF-16 code units into the
 * article's canonical text (see canonical-text.ts), `end` exclusive.
 */

/** The quoted text with up to QUOTE_CONTEXT characters of context on each side. */
export interface TextQuoteSelector {
  exact: string;
  /** Text just before `exact`; shorter than QUOTE_CONTEXT only at the start of the text. */
  prefix: string;
  /** Text just after `exact`; shorter than QUOTE_CONTEXT only at the end of the text. */
  suffix: string;
}

/** Where the quote was when it was described. */
export interface TextPositionSelector {
  start: number;
  end: number;
}

/** What a highlight stores; structurally the same as `AnnotationTarget` in model.ts. */
export interface TextTarget {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** How an anchor was found, from most to least certain. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

/**
 * Where a target lands in a text. `score` (0–1) is the confidence of the match; an orphan
 * carries the best score any rejected candidate reached, or null when nothing resembled it.
 */
export type AnchorResult =
  | { status: 'anchored'; start: number; end: number; method: AnchorMethod; score: number }
  | { status: 'orphaned'; bestScore: number | null };
