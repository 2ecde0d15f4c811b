/** Range → selectors: what a highlight stores when it is made. */
import { QUOTE_CONTEXT } from '../quote-limits';
import type { TextTarget } from './types';

/**
 * Describes `text.slice(start, end)` as a quote with up to QUOTE_CONTEXT characters of context
 * on each side, plus its position. Throws RangeError when the range is not a non-empty range
 * of whole offsets inside `text`: callers pass ranges they computed, so that is a bug.
 */
export function describeRange(text: string, start: number, end: number): TextTarget {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) {
    throw new RangeError(`describeRange: offsets must be integers (got ${start}, ${end})`);
  }
  if (start < 0 || end > text.length || start >= end) {
    throw new RangeError(`describeRange: [${start}, ${end}) is not a non-empty range of a ${text.length}-character text`);
  }
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
      suffix: text.slice(end, end + QUOTE_CONTEXT),
    },
    position: { start, end },
  };
}
