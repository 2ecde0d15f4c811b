/**
 * What a person typed into the search box, as terms: words in "double quotes" must appear
 * together in that order (a phrase); every other word must appear somewhere. The last word,
 * while it is still being typed (no space after it), also matches longer words it begins.
 */
import { terms } from './tokenize';

export interface QueryWord {
  term: string;
  /** Matches any term that starts with `term`. */
  prefix: boolean;
}

export interface ParsedQuery {
  /** Every word that must match, phrase words included, without repeats. */
  words: QueryWord[];
  /** Sequences of words that must be consecutive, as typed in quotes. */
  phrases: QueryWord[][];
  /** All the words in the order typed, quotes ignored (the best snippet has them together). */
  sequence: QueryWord[];
}

/** A last word shorter than this matches only itself: one letter would match half the language. */
const MIN_PREFIX = 2;

export function parseQuery(input: string): ParsedQuery {
  const sequence: QueryWord[] = [];
  const phrases: QueryWord[][] = [];
  const parts = input.split('"');
  parts.forEach((part, i) => {
    const quoted = i % 2 === 1;
    const words = terms(part).map((term): QueryWord => ({ term, prefix: false }));
    if (quoted && words.length > 1) phrases.push(words);
    sequence.push(...words);
  });
  // Still typing the last word: the input ends inside a word (an open quote counts as typing).
  const last = sequence.at(-1);
  if (last && /[\p{L}\p{N}\p{M}]$/u.test(input) && last.term.length >= MIN_PREFIX) last.prefix = true;
  const seen = new Map<string, QueryWord>();
  for (const word of sequence) {
    const known = seen.get(word.term);
    // An exact word elsewhere in the query is a stricter demand than the same word as a prefix.
    if (!known || (known.prefix && !word.prefix)) seen.set(word.term, word);
  }
  return { words: [...seen.values()], phrases, sequence };
}

/** Whether a folded term of the text satisfies a query word. */
export function wordMatches(word: QueryWord, term: string): boolean {
  return word.prefix ? term.startsWith(word.term) : term === word.term;
}
