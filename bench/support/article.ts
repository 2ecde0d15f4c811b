/**
 * A deterministic ~50 KB article, highlights on it, and an edited version of it, for the
 * anchoring bench. Prose comes from the sample article and, when the corpus is checked out,
 * from a few corpus pages, so the text has the repetition and variety of real articles.
 */
import { describeRange } from '../../src-main/common/anchoring/describe-range';
import type { TextTarget } from '../../src-main/common/anchoring/types';
import { corpusParagraphs, hasCorpusPage, seedText } from './corpus-prose';
import type { Random } from './random';

const CORPUS_PAGES = ['nytimes-1', 'guardian-1', 'lwn-1', 'quanta-1', 'ars-1', 'wikipedia', 'bbc-1', 'citylab-1', 'medium-1', 'v8-blog', 'wapo-1', 'salon-1'];

/**
 * Paragraphs of the sample and the corpus pages, taken in turn from each source (so the
 * sample's topic recurs among other prose) until `size` characters, no paragraph twice: real
 * articles rarely repeat a paragraph word for word, and a highlight in a verbatim repeat is
 * ambiguous by nature. Without the corpus the sample is repeated with numbered variations.
 */
export function buildArticle(size: number): { text: string; sources: string[] } {
  const sources = ['sample', ...CORPUS_PAGES.filter(hasCorpusPage)];
  const pools = [seedText().split('\n\n'), ...sources.slice(1).map((page) => corpusParagraphs(page))];
  const longest = Math.max(...pools.map((pool) => pool.length));
  const seen = new Set<string>();
  const paragraphs: string[] = [];
  let length = 0;
  for (let round = 0; length < size; round += 1) {
    for (const pool of pools) {
      const paragraph = round < longest ? pool[round] : pool === pools[0] ? variation(pool, round - longest) : undefined;
      if (paragraph === undefined || seen.has(paragraph)) continue;
      seen.add(paragraph);
      paragraphs.push(paragraph);
      length += paragraph.length + 2;
      if (length >= size) break;
    }
  }
  return { text: paragraphs.join('\n\n').slice(0, size), sources };
}

/** The nth numbered variation of a sample paragraph, once the sources have run out. */
function variation(pool: string[], n: number): string {
  return `(${n + 1}) ${pool[n % pool.length]!}`;
}

/** Highlight lengths, roughly as people highlight: phrases and sentences, a few words or passages. */
const LENGTHS = [4, 12, 25, 40, 60, 60, 90, 90, 140, 140, 220, 400, 900];

/** `count` highlights at pseudo-random ranges of `text`. */
export function describeHighlights(text: string, count: number, random: Random): TextTarget[] {
  return Array.from({ length: count }, () => {
    const length = random.pick(LENGTHS);
    const start = random.int(0, text.length - length);
    return describeRange(text, start, start + length);
  });
}

const REPLACEMENTS = ['the', 'a', 'reportedly', 'new', 'its', 'and', 'officials', '2024'];

/** One edit: `removed` characters at `at` replaced by `inserted` characters. */
interface Edit {
  at: number;
  removed: number;
  inserted: number;
}

/** An edited text, and where each offset of the original ended up in it. */
export interface EditedText {
  text: string;
  mapOffset(offset: number): number;
}

/**
 * `text` with about `share` of its characters edited: words replaced, inserted and deleted at
 * pseudo-random places spread over the whole text (a copy-editor's pass, not one rewrite).
 */
export function editText(text: string, share: number, random: Random): EditedText {
  let edited = text;
  const edits: Edit[] = [];
  let changed = 0;
  while (changed < share * text.length) {
    const at = random.int(0, edited.length);
    const word = random.pick(REPLACEMENTS);
    const kind = random.int(0, 3);
    // replace a few characters with a word, insert a word, or delete a few characters
    const removed = kind === 1 ? 0 : Math.min(random.int(1, 9), edited.length - at);
    const inserted = kind === 0 ? word : kind === 1 ? `${word} ` : '';
    edited = edited.slice(0, at) + inserted + edited.slice(at + removed);
    edits.push({ at, removed, inserted: inserted.length });
    changed += Math.max(removed, inserted.length);
  }
  return { text: edited, mapOffset: (offset) => edits.reduce(mapThrough, offset) };
}

/** Where `offset` is after `edit`: shifted if after it, clamped into it if inside. */
function mapThrough(offset: number, edit: Edit): number {
  if (offset <= edit.at) return offset;
  if (offset >= edit.at + edit.removed) return offset + edit.inserted - edit.removed;
  return edit.at + Math.min(offset - edit.at, edit.inserted);
}
