import { describe, expect, it } from 'vitest';
import { shortenQuote } from './shorten-quote';

describe('shortenQuote', () => {
  it.each([
    ['a short quote stays as it is', 'historic turning point', 'historic turning point'],
    ['white space and line breaks flatten to single spaces', 'USFJ.\n\nCommand   upgrade', 'USFJ. Command upgrade'],
  ])('%s', (_, quote, shown) => {
    expect(shortenQuote(quote)).toBe(shown);
  });

  it('cuts a long quote at a word boundary and marks the cut', () => {
    const quote = 'The command upgrade will be the most significant change to the U.S. Forces Japan since its creation';
    const shown = shortenQuote(quote, 40);
    expect(shown).toBe('The command upgrade will be the most…');
    expect(shown.length).toBeLessThanOrEqual(41);
  });

  it('cuts inside a word only when there is no space near the limit', () => {
    expect(shortenQuote('x'.repeat(50), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});
