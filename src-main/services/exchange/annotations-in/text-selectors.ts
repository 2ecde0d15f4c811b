/**
 * W3C text selectors → the passage an annotation marks. Both formats use them: a W3C
 * SpecificResource's `selector` (one or a list, possibly refined), a Hypothesis target's flat
 * `selector` list. Other selector kinds (XPath, CSS, RangeSelector, Fragment) describe a DOM or
 * a page we do not have; they are passed over, but what refines them is still read.
 */
import { QUOTE_CONTEXT } from '../../../common/quote-limits';
import type { IncomingAnnotation } from '../exchange-types';
import { asList, describeValue, field, hasType, isRecord, stringField } from './json-fields';

export type Passage = Pick<IncomingAnnotation, 'quote' | 'position'>;

/** Refinements followed this deep; real files use one or two levels. */
const MAX_REFINEMENT_DEPTH = 8;

/**
 * The first usable quote and the first usable position among `selectors`, with what was wrong
 * with the ones that were not usable. A position inside `refinedBy` counts from the start of
 * the segment its parent selects, not of the text, so only a quote is taken from there.
 */
export function readPassage(selectors: unknown): { passage: Passage; problems: string[] } {
  const passage: Passage = {};
  const problems: string[] = [];
  let level: readonly unknown[] = asList(selectors);
  for (let depth = 0; depth <= MAX_REFINEMENT_DEPTH && level.length > 0; depth += 1) {
    for (const selector of level) {
      if (!isRecord(selector)) {
        problems.push(`a selector is ${describeValue(selector)}, not an object`);
      } else if (hasType(selector, 'TextQuoteSelector')) {
        const quote = readQuote(selector, problems);
        if (quote && !passage.quote) passage.quote = quote;
      } else if (hasType(selector, 'TextPositionSelector') && depth === 0) {
        const position = readPosition(selector, problems);
        if (position && !passage.position) passage.position = position;
      }
    }
    level = level.flatMap((selector) => asList(field(selector, 'refinedBy')));
  }
  return { passage, problems };
}

/** `exact` must be text; the context, when given, is cut to what a highlight keeps. */
function readQuote(selector: unknown, problems: string[]): Passage['quote'] {
  const exact = stringField(selector, 'exact');
  if (exact === undefined || exact === '') {
    problems.push(`a quote selector's exact text is ${describeValue(field(selector, 'exact'))}`);
    return undefined;
  }
  return {
    exact,
    prefix: (stringField(selector, 'prefix') ?? '').slice(-QUOTE_CONTEXT),
    suffix: (stringField(selector, 'suffix') ?? '').slice(0, QUOTE_CONTEXT),
  };
}

/** Whole, non-negative offsets with `end` after `start`; anything else is no position at all. */
function readPosition(selector: unknown, problems: string[]): Passage['position'] {
  const start = field(selector, 'start');
  const end = field(selector, 'end');
  if (typeof start === 'number' && typeof end === 'number' && Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && end > start) {
    return { start, end };
  }
  problems.push(`a position selector from ${describeValue(start)} to ${describeValue(end)} is not a range of the text`);
  return undefined;
}
