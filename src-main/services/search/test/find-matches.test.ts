import { describe, expect, it } from 'vitest';
import { findPassage, snippetAround } from '../find-matches';
import { parseQuery } from '../parse-query';

const TEXT =
  'Japan is home to more than 50,000 U.S. troops. The command upgrade will be the most significant change to the U.S. Forces Japan since its creation.\n\nAustin said China is engaging in coercive behavior.';

describe('parsing a query', () => {
  it.each([
    ['command upgrade', ['command', 'upgrade'], [], 'upgrade'],
    ['command upgrade ', ['command', 'upgrade'], [], null],
    ['"most significant" change', ['most', 'significant', 'change'], [['most', 'significant']], 'change'],
    ['"most significant"', ['most', 'significant'], [['most', 'significant']], null],
    ['Café c', ['cafe', 'c'], [], null],
    ['', [], [], null],
  ])('%j', (input, words, phrases, prefix) => {
    const query = parseQuery(input);
    expect(query.words.map((w) => w.term)).toEqual(words);
    expect(query.phrases.map((p) => p.map((w) => w.term))).toEqual(phrases);
    expect(query.words.find((w) => w.prefix)?.term ?? null).toBe(prefix);
  });
});

describe('finding the passage', () => {
  const slice = (range: { start: number; end: number }) => TEXT.slice(range.start, range.end);

  it('prefers the words side by side, in the order typed', () => {
    const passage = findPassage(TEXT, parseQuery('the most significant change'))!;
    expect(slice(passage.position)).toBe('the most significant change');
  });

  it('completes the word being typed', () => {
    expect(slice(findPassage(TEXT, parseQuery('command upgr'))!.position)).toBe('command upgrade');
  });

  it('takes the shortest stretch holding every word when they are apart', () => {
    expect(slice(findPassage(TEXT, parseQuery('coercive Austin'))!.position)).toBe('Austin said China is engaging in coercive');
  });

  it('checks a quoted phrase and refuses text that has the words but not the phrase', () => {
    expect(findPassage(TEXT, parseQuery('"significant most"'))).toBeNull();
    expect(slice(findPassage(TEXT, parseQuery('"U.S. Forces"'))!.position)).toBe('U.S. Forces');
  });

  it('marks every matching word in the snippet at its place', () => {
    const query = parseQuery('japan');
    const passage = findPassage(TEXT, query)!;
    expect(slice(passage.position)).toBe('Japan');
    const snippet = snippetAround(TEXT, passage.position, query);
    expect(snippet.matches.map((m) => snippet.text.slice(m.start, m.end))).toEqual(['Japan', 'Japan']);
    expect(snippet.text).not.toContain('\n');
  });

  it.each([
    ['folds accents the way the index does', 'Un café à Paris, puis le CAFÉ du coin.', 'cafe', 'café'],
    ['finds Chinese characters as a phrase', '日本と東京の話。東京は大きい。', '"東京"', '東京'],
    ['completes a Cyrillic word being typed', 'Москва и Санкт-Петербург', 'санкт-пет', 'Санкт-Петербург'],
    ['does not take a word for the start of a longer one', 'The caterpillar ate. A cat sat.', 'cat ', 'cat'],
  ])('%s', (_, text, input, expected) => {
    const passage = findPassage(text, parseQuery(input))!;
    expect(text.slice(passage.position.start, passage.position.end)).toBe(expected);
  });

  // The fast way reads lower-cased text; a miss is believed only when no token with accents
  // or other scripts folds to a query word, so these must still be found (or refused) as the
  // tokenizer finds them.
  it.each([
    ['a phrase through an accented word', 'Il prend un café noir le matin.', '"cafe noir"', 'café noir'],
    ['a word glued to a letter outside the BMP', 'The ab𝐀 mark.', 'aba ', 'ab𝐀'],
    ['a phrase between curly quotes and dashes', 'He said “quoted words” — twice.', '"quoted words"', 'quoted words'],
    ['punctuation between the words of a phrase', 'He said “quoted” — words, café.', '"quoted words"', 'quoted” — words'],
    ['no phrase in text with curly quotes and accents', 'He said “quoted” — not words, café.', '"quoted words"', null],
    ['no accented form of the phrase either', 'Un café noir, un thé vert.', '"cafe vert"', null],
  ])('%s', (_, text, input, expected) => {
    const passage = findPassage(text, parseQuery(input));
    expect(passage && text.slice(passage.position.start, passage.position.end)).toBe(expected);
  });

  it('cuts a snippet deep in a long text at word boundaries, with ellipses', () => {
    const long = `${'lorem ipsum '.repeat(50)}the needle sits here ${'dolor sit '.repeat(50)}`;
    const passage = findPassage(long, parseQuery('needle'))!;
    const snippet = snippetAround(long, passage.position, parseQuery('needle'));
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text).toMatch(/^…(lorem|ipsum) /);
    expect(snippet.text.slice(snippet.matches[0]!.start, snippet.matches[0]!.end)).toBe('needle');
    expect(snippet.text.length).toBeLessThan(230);
  });
});
