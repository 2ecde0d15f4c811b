import { describe, expect, it } from 'vitest';
import { seedText } from '../../../../bench/support/corpus-prose';
import { describeRange } from '../describe-range';
import { findOccurrences } from '../find-occurrences';
import { anchorTarget } from '../match-quote';
import type { TextTarget } from '../types';

const seed = seedText();
const describeQuote = (text: string, quote: string, nth = 0): TextTarget => {
  const at = findOccurrences(text, quote)[nth]?.start;
  if (at === undefined) throw new Error(`test prose lacks occurrence ${nth} of "${quote}"`);
  return describeRange(text, at, at + quote.length);
};
const replace = (text: string, from: string, to: string): string => {
  if (!text.includes(from)) throw new Error(`test prose lacks "${from}"`);
  return text.replace(from, to);
};
/** Where `quote` sits in `text`, for expectations (throws if it does not). */
const spanOf = (text: string, quote: string, nth = 0) => {
  const found = findOccurrences(text, quote)[nth];
  if (!found) throw new Error(`"${quote}" not in text`);
  return { start: found.start, end: found.end };
};

const EDITOR_NOTE = 'Editor’s note: this article was updated with comments from both ministries.\n\n';

describe('anchoring a repeated quote', () => {
  const repeated: Array<[string, number]> = [
    ['U.S. Forces Japan', 2],
    ['the greatest strategic challenge', 2],
    ['Tokyo', 2],
    ['China', 4],
    ['the U.S.', 3],
  ];

  it.each(repeated)('"%s" lands on the occurrence that was highlighted after the text before it changes', (quote, count) => {
    expect(findOccurrences(seed, quote)).toHaveLength(count);
    for (let nth = 0; nth < count; nth += 1) {
      const target = describeQuote(seed, quote, nth);
      // Shift everything, and remove a sentence from the first paragraph too.
      const edited = EDITOR_NOTE + replace(seed, 'TOKYO: ', '');
      expect(anchorTarget(edited, target), `occurrence ${nth}`).toMatchObject({ status: 'anchored', method: 'quote', ...spanOf(edited, quote, nth) });
    }
  });

  it('prefers the nearer occurrence when two have the same surroundings', () => {
    const sentence = 'The alliance, both sides said, has never been stronger.';
    const text = `${sentence}\n\n${seed}\n\n${sentence}`;
    for (const nth of [0, 1]) {
      const target = describeQuote(text, 'has never been stronger.', nth);
      const edited = `Update: ${text}`;
      expect(anchorTarget(edited, target)).toMatchObject({ method: 'quote', ...spanOf(edited, 'has never been stronger.', nth) });
    }
  });
});

describe('anchoring after edits', () => {
  const quote = 'upgrading the command and control of U.S. forces in the East Asian country';
  const target = describeQuote(seed, quote);

  it.each<[string, string, string, 'position' | 'quote' | 'fuzzy']>([
    ['unchanged', seed, quote, 'position'],
    ['a paragraph added before', EDITOR_NOTE + seed, quote, 'quote'],
    ['a word inserted just before', replace(seed, 'further bolster', 'further and decisively bolster'), quote, 'quote'],
    ['the words just before rewritten', replace(seed, 'cooperation by', 'cooperation, notably by'), quote, 'quote'],
    ['words inserted right before and right after', replace(seed, 'by upgrading the command', 'by quickly upgrading the command').replace('Asian country and', 'Asian country in 2025 and'), quote, 'quote'],
    ['a paragraph added after', `${seed}\n\nMore to follow.`, quote, 'position'],
    ['the words just after rewritten', replace(seed, 'country and strengthening', 'country, and strengthening'), quote, 'position'],
    ['a few characters changed inside', replace(seed, 'command and control', 'command-and-control'), 'upgrading the command-and-control of U.S. forces in the East Asian country', 'fuzzy'],
    ['a word inserted inside', replace(seed, 'the East Asian', 'the nearby East Asian'), 'upgrading the command and control of U.S. forces in the nearby East Asian country', 'fuzzy'],
    ['a word inserted just before its last word', replace(seed, 'East Asian country', 'East Asian host country'), 'upgrading the command and control of U.S. forces in the East Asian host country', 'fuzzy'],
    ['a word deleted inside and a paragraph added before', EDITOR_NOTE + replace(seed, 'U.S. forces in', 'forces in'), 'upgrading the command and control of forces in the East Asian country', 'fuzzy'],
  ])('%s', (_, edited, expected, method) => {
    expect(anchorTarget(edited, target)).toMatchObject({ status: 'anchored', method, ...spanOf(edited, expected) });
  });

  it('scores an exact relocation above a fuzzy one, and both below an untouched quote', () => {
    const scoreOf = (text: string) => {
      const result = anchorTarget(text, target);
      return result.status === 'anchored' ? result.score : 0;
    };
    const moved = scoreOf(EDITOR_NOTE + seed);
    const fuzzy = scoreOf(replace(seed, 'command and control', 'command-and-control'));
    expect(scoreOf(seed)).toBe(1);
    expect(moved).toBeGreaterThan(fuzzy);
    expect(fuzzy).toBeGreaterThan(0.9);
  });
});

describe('orphans', () => {
  const paragraphs = seed.split('\n\n');
  const without = (index: number) => paragraphs.filter((_, i) => i !== index).join('\n\n');

  it('orphans a highlight whose paragraph was deleted', () => {
    const target = describeQuote(seed, 'These new operational capabilities and responsibilities will advance our collective deterrence.');
    expect(anchorTarget(without(3), target)).toMatchObject({ status: 'orphaned' });
  });

  it.each([
    ['the phrase itself', 'the greatest strategic challenge'],
    ['its sentence', 'describing the rising threat from China as “the greatest strategic challenge.”'],
    ['the phrase and its quotation marks', '“the greatest strategic challenge.”'],
  ])('does not move %s from the deleted first paragraph to the look-alike in the last', (_, quote) => {
    const target = describeQuote(seed, quote);
    const result = anchorTarget(without(0), target);
    expect(result).toMatchObject({ status: 'orphaned' });
  });

  it('does not move a deleted sentence to a near-duplicate elsewhere, but finds it if only edited', () => {
    const sentence = 'These new operational capabilities and responsibilities will advance our collective deterrence.';
    const lookAlike = 'These new operational capabilities and duties will advance our shared deterrence.';
    const target = describeQuote(seed, sentence);
    const deleted = `${replace(seed, ` “${sentence}”`, '')}\n\nA spokesman added: “${lookAlike}”`;
    expect(anchorTarget(deleted, target)).toMatchObject({ status: 'orphaned' });
    const editedInPlace = replace(deleted, 'Austin said.', `Austin said. “${sentence.replace('collective', 'common')}”`);
    expect(anchorTarget(editedInPlace, target)).toMatchObject({ method: 'fuzzy', ...spanOf(editedInPlace, sentence.replace('collective', 'common')) });
  });

  it('reports the best score an orphan came close to, or null when nothing resembled it', () => {
    const target = describeQuote(seed, 'the greatest strategic challenge');
    const near = anchorTarget(without(0), target);
    if (near.status !== 'orphaned') throw new Error('expected an orphan');
    expect(near.bestScore).toBeGreaterThan(0.5);
    expect(near.bestScore).toBeLessThan(0.8);
    expect(anchorTarget('Nothing in common here at all.', target)).toEqual({ status: 'orphaned', bestScore: null });
    expect(anchorTarget('', target)).toEqual({ status: 'orphaned', bestScore: null });
  });
});

describe('quotes spanning paragraphs', () => {
  const quote = 'presidential race.\n\nJapan is home to more than 50,000 U.S. troops';
  const target = describeQuote(seed, quote);

  it.each<[string, string, string, 'position' | 'quote' | 'fuzzy']>([
    ['unchanged', seed, quote, 'position'],
    ['shifted', EDITOR_NOTE + seed, quote, 'quote'],
    ['a word changed inside', replace(seed, '50,000 U.S.', '54,000 U.S.'), 'presidential race.\n\nJapan is home to more than 54,000 U.S. troops', 'fuzzy'],
    ['the paragraphs merged', replace(seed, 'race.\n\nJapan', 'race. Japan'), 'presidential race. Japan is home to more than 50,000 U.S. troops', 'fuzzy'],
  ])('%s', (_, edited, expected, method) => {
    expect(anchorTarget(edited, target)).toMatchObject({ status: 'anchored', method, ...spanOf(edited, expected) });
  });
});

describe('short quotes', () => {
  it('finds a short quote again by its exact context', () => {
    const target = describeQuote(seed, 'the', 6);
    const edited = EDITOR_NOTE + replace(seed, 'TOKYO: ', '');
    expect(anchorTarget(edited, target)).toMatchObject({ method: 'quote', ...spanOf(edited, 'the', 6) });
  });

  it('does not stay on another copy of a short quote that slid into its place', () => {
    const [earlier, , , highlighted] = findOccurrences(seed, 'the');
    if (!earlier || !highlighted) throw new Error('the sample has fewer "the" than expected');
    const target = describeRange(seed, highlighted.start, highlighted.end);
    const shift = highlighted.start - earlier.start;
    const edited = seed.slice(0, earlier.start) + 'x'.repeat(shift) + seed.slice(earlier.start);
    expect(edited.slice(highlighted.start, highlighted.end)).toBe('the');
    expect(anchorTarget(edited, target)).toMatchObject({ method: 'quote', start: highlighted.start + shift });
  });

  it.each<[string, string, number, (text: string) => string]>([
    ['"the" whose paragraph was deleted', 'the', 2, (text) => text.split('\n\n').slice(1).join('\n\n')],
    ['"the" before “greatest” whose paragraph was deleted', 'the', 7, (text) => text.split('\n\n').slice(1).join('\n\n')],
    ['"Tokyo" whose paragraph was deleted', 'Tokyo', 0, (text) => text.split('\n\n').filter((_, i) => i !== 1).join('\n\n')],
    ['"Tokyo" respelled', 'Tokyo', 1, (text) => text.replace('suburbs of Tokyo', 'suburbs of Tokio')],
    ['"Austin" respelled', 'Austin', 0, (text) => text.replace('Lloyd Austin', 'Lloyd Austen')],
  ])('orphans %s instead of jumping to a look-alike', (_, quote, nth, edit) => {
    expect(anchorTarget(edit(seed), describeQuote(seed, quote, nth))).toMatchObject({ status: 'orphaned' });
  });
});
