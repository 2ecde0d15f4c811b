/**
 * A deterministic library for the search bench: articles of ~20 KB whose words follow a
 * Zipf distribution over a real vocabulary (the sample article and the corpus pages, most
 * frequent first) with a long tail of made-up words, as a large real library has: a few
 * words in every article, most words in a handful.
 */
import { corpusParagraphs, hasCorpusPage, seedText } from './corpus-prose';
import type { Random } from './random';

const CORPUS_PAGES = ['nytimes-1', 'guardian-1', 'lwn-1', 'quanta-1', 'ars-1', 'wikipedia', 'bbc-1', 'citylab-1', 'wapo-1', 'salon-1'];
const VOCABULARY = 80_000;
const ZIPF = 1.05;
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'zen', 'dra', 'qua', 'lis', 'mor', 'pel', 'gri', 'fo', 'bu', 'the', 'an', 'ex'];

export interface Vocabulary {
  /** Most frequent first. */
  words: string[];
  /** cumulative[i] = P(rank <= i). */
  cumulative: Float64Array;
}

export function buildVocabulary(random: Random): Vocabulary {
  const counts = new Map<string, number>();
  const prose = [seedText(), ...CORPUS_PAGES.filter(hasCorpusPage).map((page) => corpusParagraphs(page).join(' '))];
  for (const text of prose) for (const word of text.match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(word.toLowerCase(), (counts.get(word.toLowerCase()) ?? 0) + 1);
  const words = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
  const known = new Set(words);
  while (words.length < VOCABULARY) {
    let word = '';
    const length = random.int(2, 5);
    for (let i = 0; i < length; i += 1) word += random.pick(SYLLABLES);
    if (!known.has(word)) {
      known.add(word);
      words.push(word);
    }
  }
  const cumulative = new Float64Array(words.length);
  let sum = 0;
  for (let i = 0; i < words.length; i += 1) cumulative[i] = sum += 1 / (i + 1) ** ZIPF;
  for (let i = 0; i < words.length; i += 1) cumulative[i]! /= sum;
  return { words, cumulative };
}

function sample({ words, cumulative }: Vocabulary, random: Random): string {
  const target = random.next();
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (cumulative[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return words[low]!;
}

/** One article of about `size` characters: paragraphs of sentences of sampled words. */
export function buildSearchArticle(vocabulary: Vocabulary, random: Random, size: number): { title: string; text: string } {
  const title = Array.from({ length: random.int(3, 8) }, () => sample(vocabulary, random)).join(' ');
  const paragraphs: string[] = [];
  let length = 0;
  while (length < size) {
    const sentences: string[] = [];
    for (let s = random.int(3, 7); s > 0; s -= 1) {
      const words = Array.from({ length: random.int(6, 22) }, () => sample(vocabulary, random));
      words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
      sentences.push(`${words.join(' ')}.`);
    }
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return { title: title.charAt(0).toUpperCase() + title.slice(1), text: paragraphs.join('\n\n') };
}
