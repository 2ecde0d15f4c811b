import { describe, expect, it } from 'vitest';
import { forEachToken, terms } from '../tokenize';

describe('the search tokenizer', () => {
  it.each([
    ['Plain English, with punctuation!', ['plain', 'english', 'with', 'punctuation']],
    ['Café au lait — CAFÉ', ['cafe', 'au', 'lait', 'cafe']],
    ['Straße ÅNGSTRÖM naïve', ['straße', 'angstrom', 'naive']],
    ['“2+2” security talks', ['2', '2', 'security', 'talks']],
    ['Москва и Санкт-Петербург', ['москва', 'и', 'санкт', 'петербург']],
    ['Ελληνικά Άθως', ['ελληνικα', 'αθως']],
    ['東京は日本', ['東', '京', 'は', '日', '本']],
    ['مرحبا بالعالم', ['مرحبا', 'بالعالم']],
    ['ﬁle (ligature) and ①', ['file', 'ligature', 'and', '1']],
    ['', []],
    ['  … — !!! ', []],
  ])('splits %j into folded terms', (text, expected) => {
    expect(terms(text)).toEqual(expected);
  });

  it('gives each token its place in the original text, even where folding changes its length', () => {
    const text = 'Ein Café in 東京.';
    const found: string[] = [];
    forEachToken(text, (term, start, end) => found.push(`${term}=${text.slice(start, end)}`));
    expect(found).toEqual(['ein=Ein', 'cafe=Café', 'in=in', '東=東', '京=京']);
  });

  it('cuts a very long run of letters to a bounded term', () => {
    expect(terms('x'.repeat(500))[0]).toHaveLength(40);
  });
});
