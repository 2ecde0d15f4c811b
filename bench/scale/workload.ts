/** What the timed operations act on, the same at every size and on the baseline. */
import { libraryVocabulary } from './library-records';

export interface HighlightSpot {
  articleId: string;
  text: string;
  at: number;
}

export interface Workload {
  /** Frequent words of the library's vocabulary. */
  commonWords: string[];
  /** Three consecutive words of an article, quoted. */
  phrases: string[];
  /** Where to add one highlight each (40 characters at `at` of the article's text). */
  highlightSpots: HighlightSpot[];
  /**
   * The same for the service row, in more articles: its p95 is taken over 200 highlights. Of 40,
   * the p95 is the third-highest, and the first two after opening (12–21 ms: code run for the
   * first time) were two of the three, so the figure was that warm-up rather than the tail.
   */
  serviceHighlightSpots: HighlightSpot[];
  /** A ~20 KB note body; each `i` differs from the others near its end. */
  noteBody(i: number): string;
  /** Note edits (each followed by an undo) to time. */
  noteEdits: number;
}

const HIGHLIGHTS = 40;
const SERVICE_HIGHLIGHTS = 200;
const PHRASES = 8;

/** Spreads `n` article numbers over a library of `count`. */
const spread = (count: number, n: number) => Array.from({ length: n }, (_, i) => Math.floor(((i * 7919) % n) * (count / n)));

export async function workload(count: number, textOf: (articleId: string) => Promise<string>): Promise<Workload> {
  const words = libraryVocabulary().words;
  const articleId = (n: number) => `art_s${String(n).padStart(8, '0')}`;
  const texts = new Map<number, string>();
  for (const n of new Set([...spread(count, HIGHLIGHTS), ...spread(count, SERVICE_HIGHLIGHTS), ...spread(count, PHRASES)])) texts.set(n, await textOf(articleId(n)));
  const phrases = spread(count, PHRASES).map((n, i) => {
    const picked = texts.get(n)!.split(/\s+/).slice(40 + i * 13, 43 + i * 13).map((word) => word.replace(/\W+$/u, ''));
    return `"${picked.join(' ')}"`;
  });
  const spots = (n: number) => spread(count, n).map((article, i) => ({ articleId: articleId(article), text: texts.get(article)!, at: 500 + (i % HIGHLIGHTS) * 211 }));
  const highlightSpots = spots(HIGHLIGHTS);
  const paragraph = words.slice(0, 400).join(' ');
  const base = Array.from({ length: Math.ceil(20_000 / paragraph.length) }, () => paragraph).join('\n\n').slice(0, 19_980);
  return {
    commonWords: [5, 8, 12, 20, 30, 45, 60, 80].map((rank) => words[rank]!),
    phrases,
    highlightSpots,
    serviceHighlightSpots: spots(SERVICE_HIGHLIGHTS),
    noteBody: (i) => `${base} (draft ${i})`,
    noteEdits: 30,
  };
}
