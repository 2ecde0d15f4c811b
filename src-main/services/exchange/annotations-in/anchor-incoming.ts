/**
 * An incoming annotation's passage → a target in one article's text, by the same anchoring
 * every highlight gets (position if the quote is still there, else the quote, else an
 * approximate match agreeing with its context). Found, the target is described afresh from our
 * text, so prefix and suffix are ours; not found, the file's quote is kept as it was and the
 * highlight goes to Needs review.
 */
import { anchorTarget } from '../../../common/anchoring/match-quote';
import { describeRange } from '../../../common/anchoring/describe-range';
import type { TextPositionSelector, TextTarget } from '../../../common/anchoring/types';
import type { IncomingAnnotation } from '../exchange-types';

export type Anchoring = { target: TextTarget; anchored: boolean } | { reason: string };

export function anchorIncoming(text: string, incoming: Pick<IncomingAnnotation, 'quote' | 'position'>): Anchoring {
  // The readers check both, but any reader may feed this: only a whole, ordered range is a position.
  const quote = incoming.quote !== undefined && incoming.quote.exact !== '' ? incoming.quote : undefined;
  const position = isRange(incoming.position) ? incoming.position : undefined;
  if (quote !== undefined) {
    // Without a position there is no hint where to look first; the quote's length at the start
    // stands in (the position only breaks ties), and Needs review shows the quote, not it.
    const target = { quote, position: position ?? { start: 0, end: quote.exact.length } };
    const found = anchorTarget(text, target);
    if (found.status === 'anchored' && found.end > found.start) return { target: describeRange(text, found.start, found.end), anchored: true };
    return { target, anchored: false };
  }
  if (position !== undefined) {
    // Only offsets: the passage is whatever our text has there, if our text reaches that far.
    if (position.end <= text.length) return { target: describeRange(text, position.start, position.end), anchored: true };
    return { reason: `its position (${position.start}–${position.end}) lies beyond the end of the article's text (${text.length} characters), and it has no quote to search for` };
  }
  return { reason: 'it marks no passage: it has neither a quote nor a position' };
}

function isRange(position: TextPositionSelector | undefined): position is TextPositionSelector {
  return position !== undefined && Number.isSafeInteger(position.start) && Number.isSafeInteger(position.end) && position.start >= 0 && position.end > position.start;
}
