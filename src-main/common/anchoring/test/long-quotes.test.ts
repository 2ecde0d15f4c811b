import { describe, expect, it } from 'vitest';
import { seedText } from '../../../../bench/support/corpus-prose';
import { LONG_QUOTE } from '../approximate-search';
import { describeRange } from '../describe-range';
import { findOccurrences } from '../find-occurrences';
import { anchorTarget } from '../match-quote';

const seed = seedText();
const paragraphs = seed.split('\n\n');
// Paragraphs 3 to 5 of the sample: about 800 characters, two paragraph breaks inside.
const quote = paragraphs.slice(2, 5).join('\n\n');
const span = (text: string, passage: string) => {
  const [found] = findOccurrences(text, passage);
  if (!found) throw new Error('passage not in text');
  return { start: found.start, end: found.end };
};
const edit = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`test prose lacks "${from}"`);
  return text.replace(from, to);
};

describe('long quotes (located by head and tail, then verified whole)', () => {
  const target = describeRange(seed, span(seed, quote).start, span(seed, quote).end);

  it('is long enough to take that path', () => {
    expect(quote.length).toBeGreaterThan(3 * LONG_QUOTE);
  });

  // Each case: text added above the article, and an edit applied to the passage in place.
  it.each<[string, string, (text: string) => string, 'position' | 'quote' | 'fuzzy']>([
    ['unchanged', '', (text) => text, 'position'],
    ['shifted by a paragraph added above', 'Update: corrected a name.\n\n', (text) => text, 'quote'],
    ['words changed in the middle', '', (text) => edit(text, 'greater capability while still reporting', 'more capability while reporting'), 'fuzzy'],
    ['its first words changed', '', (text) => edit(text, 'Japan is home to more than 50,000', 'Japan hosts over 54,000'), 'fuzzy'],
    ['a phrase inserted near its end', '', (text) => edit(text, 'determines our future', 'determines, she stressed, our future'), 'fuzzy'],
    ['changed throughout and shifted', 'Update.\n\n', (text) => edit(edit(edit(text, 'Japan is home', 'Japan is host'), 'in Hawaii', 'in Honolulu, Hawaii'), 'Kamikawa said', 'Kamikawa told reporters'), 'fuzzy'],
  ])('%s', (_, above, change, method) => {
    const edited = above + change(seed);
    expect(anchorTarget(edited, target)).toMatchObject({ status: 'anchored', method, ...span(edited, change(quote)) });
  });

  it('is orphaned when its paragraphs are deleted', () => {
    const edited = [...paragraphs.slice(0, 2), ...paragraphs.slice(5)].join('\n\n');
    expect(anchorTarget(edited, target)).toMatchObject({ status: 'orphaned' });
  });

  it('is orphaned when rewritten beyond a quarter of its characters', () => {
    const rewritten = quote.replace(/[aeiou]/g, (vowel) => vowel.toUpperCase());
    expect(anchorTarget(edit(seed, quote, rewritten), target)).toMatchObject({ status: 'orphaned' });
  });
});
