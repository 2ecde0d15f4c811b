/**
 * Search: building the index for 10,000 articles of ~20 KB, its memory and saved size, the
 * median (p50) query time for common words, rare words, a word being typed and quoted
 * phrases (snippets and phrase checks included), and replacing one article. Marginalia's own
 * index and a plain scan run on the whole library; MiniSearch and FlexSearch (tuned: title
 * and text only, nothing stored) on the first 1,000 articles beside the own index on the same
 * 1,000, since building them for 10,000 takes minutes (about 109 s and 69 s measured for the
 * issue). Targets: query p50 < 20 ms, index memory < 150 MB, one update < 50 ms.
 *
 * SEARCH_BENCH_ARTICLES and SEARCH_BENCH_LIBRARY_ARTICLES change the two library sizes.
 */
import { bench, describe } from 'vitest';
import { parseQuery } from '../src-main/services/search/parse-query';
import { seededRandom } from './support/random';
import { median, ms, printTable, type Cell } from './support/report';
import { buildSearchArticle, buildVocabulary } from './support/search-corpus';
import { flexSearch, miniSearch, ownIndex, plainScan, type BenchArticle, type Engine } from './support/search-engines';

const ARTICLES = Number(process.env.SEARCH_BENCH_ARTICLES ?? 10_000);
const LIBRARY_ARTICLES = Math.min(ARTICLES, Number(process.env.SEARCH_BENCH_LIBRARY_ARTICLES ?? 1_000));
const ARTICLE_SIZE = 20_000;
const MB = 1024 * 1024;

const random = seededRandom(20_000);
const vocabulary = buildVocabulary(random);
const articles: BenchArticle[] = Array.from({ length: ARTICLES }, (_, i) => ({
  id: `art_bench${String(i).padStart(6, '0')}`,
  ...buildSearchArticle(vocabulary, random, ARTICLE_SIZE),
}));
const replacement = buildSearchArticle(vocabulary, seededRandom(99), ARTICLE_SIZE);

/** Three consecutive words of an article, quoted. */
function phraseFrom(article: BenchArticle, at: number): string {
  const words = article.text.split(/\s+/).slice(at, at + 3).map((w) => w.replace(/\W+$/u, ''));
  return `"${words.join(' ')}"`;
}

const QUERIES: Record<string, string[]> = {
  'common word': [5, 8, 12, 20, 30, 45, 60, 80].map((rank) => vocabulary.words[rank]!),
  'rare word': [30_000, 35_000, 40_000, 45_000, 50_000, 55_000, 60_000, 70_000].map((rank) => vocabulary.words[rank]!),
  'word being typed': [150, 300, 600, 1200].map((rank) => vocabulary.words[rank]!.slice(0, 4)),
  phrase: [11, 222, 3333, 4444, 555, 66, 777, 888].map((i) => phraseFrom(articles[i % LIBRARY_ARTICLES]!, 40 + i)),
};

const gc = (globalThis as { gc?: () => void }).gc;
/**
 * Heap and typed-array memory (the own index keeps its postings in ArrayBuffers). ArrayBuffer
 * memory is released by a background task after a collection, so wait for it before reading.
 */
async function memory(): Promise<number> {
  for (let i = 0; i < 3; i += 1) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

interface Measured {
  name: string;
  articles: number;
  buildMs: number;
  memoryMb: number;
  savedMb: number;
  p50: Record<string, number>;
  updateMs: number;
  /** Turning the index into what is saved (the part that holds up the process). */
  saveMs: number;
  /** Taking the snapshot a save writes out chunk by chunk, when the engine is ours. */
  snapshotMs: number | undefined;
  /** Reading the saved index back, when the engine is ours. */
  loadMs: number | undefined;
  found: number;
}

async function measure(engine: Engine, library: readonly BenchArticle[]): Promise<Measured> {
  const before = await memory();
  const started = performance.now();
  engine.build(library);
  const buildMs = performance.now() - started;
  const memoryMb = ((await memory()) - before) / MB;
  const saveStarted = performance.now();
  const savedMb = (await engine.serializedBytes()) / MB;
  const saveMs = performance.now() - saveStarted;
  const snapshotMs = engine.snapshot?.();
  const loadMs = engine.reload?.();
  const p50: Record<string, number> = {};
  let found = 0;
  for (const [kind, queries] of Object.entries(QUERIES)) {
    const durations: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      for (const query of queries) {
        const t = performance.now();
        found += (await engine.query(query)).length;
        durations.push(performance.now() - t);
      }
    }
    p50[kind] = median(durations);
  }
  const updates: number[] = [];
  for (const at of [7, 70, 700]) {
    const t = performance.now();
    engine.update({ ...replacement, id: library[at % library.length]!.id });
    updates.push(performance.now() - t);
  }
  const updateMs = median(updates);
  return { name: engine.name, articles: library.length, buildMs, memoryMb, savedMb, saveMs, snapshotMs, p50, updateMs, loadMs, found };
}

const measured: Measured[] = [];
measured.push(await measure(plainScan(), articles));
measured.push(await measure(ownIndex(), articles));
const library = articles.slice(0, LIBRARY_ARTICLES);
if (LIBRARY_ARTICLES < ARTICLES) measured.push(await measure(ownIndex(), library));
measured.push(await measure(miniSearch(), library));
measured.push(await measure(flexSearch(), library));

function printResults(): void {
  const kinds = Object.keys(QUERIES);
  const rows: Cell[][] = measured.map((m) => [
    m.name,
    m.articles.toLocaleString('en'),
    (m.buildMs / 1000).toFixed(1),
    Math.max(0, m.memoryMb).toFixed(0),
    m.savedMb.toFixed(1),
    (m.saveMs / 1000).toFixed(2),
    m.snapshotMs === undefined ? '—' : ms(m.snapshotMs),
    m.loadMs === undefined ? '—' : (m.loadMs / 1000).toFixed(2),
    ...kinds.map((kind) => ms(m.p50[kind]!)),
    ms(m.updateMs),
  ]);
  printTable(
    `Search: ${ARTICLES.toLocaleString('en')} articles of ~${ARTICLE_SIZE / 1000} KB (${(articles.reduce((n, a) => n + a.text.length, 0) / MB).toFixed(0)} MB of text)`,
    ['engine', 'articles', 'build s', 'memory MB', 'saved MB', 'save s', 'snapshot ms', 'load s', ...kinds.map((k) => `p50 ${k} ms`), 'update ms'],
    rows,
    [
      'save: producing every saved byte; the app writes them chunk by chunk, holding up the process only for the snapshot',
      'memory: heap + ArrayBuffers retained after the build (gc run first' + (gc ? ')' : ' — unavailable, figures are rough)'),
      'p50 over 3 rounds of each query set; update: median of replacing 3 articles; the own index includes snippets and phrase checks; the libraries return ids and check phrases in text',
      'targets (own index, full library): query p50 < 20 ms, memory < 150 MB, update < 50 ms',
    ],
  );
}

const own = ownIndex();
own.build(library);
const common = QUERIES['common word']![0]!;
const RUNS = { iterations: 20, warmupIterations: 3, time: 0, warmupTime: 0 };

describe(`search (own index on ${LIBRARY_ARTICLES.toLocaleString('en')} articles)`, () => {
  bench(`parse a query`, () => void parseQuery('"greatest strategic challenge" alliance secur'), RUNS);
  bench(`common-word query "${common}"`, async () => void (await own.query(common)), {
    ...RUNS,
    teardown: (_task, mode) => {
      if (mode === 'run') printResults();
    },
  });
});
