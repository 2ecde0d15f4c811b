/** Longest quote a card shows; the passage itself is one click away. */
export const CARD_QUOTE_CHARS = 200;

/** A quote cut at a word boundary near `max` characters, with an ellipsis when cut. */
export function shortenQuote(quote: string, max = CARD_QUOTE_CHARS): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
