import { describe, expect, it } from 'vitest';
import { corpusText, hasCorpusPage, seedText } from '../../../../bench/support/corpus-prose';
import { QUOTE_CONTEXT } from '../../quote-limits';
import { describeRange } from '../describe-range';
import { anchorTarget } from '../match-quote';

const seed = seedText();

/** Start, middle and end ranges of every paragraph of `text`. */
function paragraphRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let at = 0;
  for (const paragraph of text.split('\n\n')) {
    const third = Math.max(1, Math.floor(paragraph.length / 3));
    ranges.push([at, at + third], [at + third, at + 2 * third], [at + paragraph.length - third, at + paragraph.length]);
    at += paragraph.length + 2;
  }
  return ranges;
}

describe('describeRange', () => {
  const texts: Array<[string, () => string, boolean]> = [
    ['the sample article', () => seed, true],
    ['the wikipedia corpus page', () => corpusText('wikipedia'), hasCorpusPage('wikipedia')],
  ];

  for (const [name, text, present] of texts) {
    if (!present) console.warn(`skipped ${name}: it is not in /work/shared/corpus/web-pages`);
    it.skipIf(!present)(`describes and re-anchors the start, middle and end of every paragraph of ${name}`, () => {
      const prose = text();
      for (const [start, end] of paragraphRanges(prose)) {
        const target = describeRange(prose, start, end);
        expect(target.quote.exact).toBe(prose.slice(start, end));
        expect(target.quote.prefix).toBe(prose.slice(Math.max(0, start - QUOTE_CONTEXT), start));
        expect(target.quote.suffix).toBe(prose.slice(end, end + QUOTE_CONTEXT));
        expect(target.position).toEqual({ start, end });
        expect(anchorTarget(prose, target)).toMatchObject({ status: 'anchored', start, end, method: 'position', score: 1 });
      }
    });
  }

  it('keeps a short prefix at the start of the text and a short suffix at its end', () => {
    expect(describeRange(seed, 0, 6).quote).toEqual({ exact: 'TOKYO:', prefix: '', suffix: seed.slice(6, 6 + QUOTE_CONTEXT) });
    expect(describeRange(seed, 5, 12).quote.prefix).toBe('TOKYO');
    const end = seed.length;
    expect(describeRange(seed, end - 8, end).quote).toEqual({ exact: 'beyond.”', prefix: seed.slice(end - 8 - QUOTE_CONTEXT, end - 8), suffix: '' });
    expect(describeRange(seed, end - 20, end - 9).quote.suffix).toBe(' beyond.”');
    expect(describeRange('word', 0, 4).quote).toEqual({ exact: 'word', prefix: '', suffix: '' });
  });

  it.each<[string, number, number]>([
    ['an empty range', 5, 5],
    ['a reversed range', 9, 3],
    ['a negative start', -1, 4],
    ['an end past the text', 0, seed.length + 1],
    ['a fractional offset', 1.5, 4],
    ['NaN', Number.NaN, 4],
  ])('throws RangeError for %s', (_, start, end) => {
    expect(() => describeRange(seed, start, end)).toThrow(RangeError);
  });
});
