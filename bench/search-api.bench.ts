/**
 * Search through the API on a real notebook folder of 10,000 articles (~20 KB, 10 highlights
 * each), as the app runs it: the first open builds the index (how long, and how the process's
 * memory peaks and settles), whether API calls are answered while it builds, the p50 of
 * common-word and phrase queries (snippets included), and reopening from the saved index.
 * Baselines in the same run: the process's memory before the notebook is opened, and the same
 * API call once the index is idle.
 *
 * Targets (issue on performance at scale): settled RSS < 300 MB, an API call during the build
 * answers in < 50 ms, query p50 < 20 ms. SEARCH_API_BENCH_ARTICLES changes the size.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openNotebook, type OpenNotebook } from '../src-main/services/open-notebook';
import { inProcessApi, valueOf } from '../src-main/test-support/in-process-api';
import { median, ms, printTable, reportBench, type Cell } from './support/report';
import { searchNotebook } from './support/search-notebook';

const ARTICLES = Number(process.env.SEARCH_API_BENCH_ARTICLES ?? 10_000);
const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;

const { dir, vocabulary, phrases } = await searchNotebook(ARTICLES, 20_000);
await rm(join(dir, 'search-index'), { recursive: true, force: true });

async function settledRss(): Promise<number> {
  for (let i = 0; i < 5; i += 1) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
  return process.memoryUsage().rss / MB;
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

/** Calls the API every 100 ms and watches the event loop until `done` settles. */
async function watchWhile(notebook: OpenNotebook, done: Promise<void>) {
  const api = inProcessApi(notebook.handlers);
  const calls: number[] = [];
  let lag = 0;
  let peakRss = 0;
  let finished = false;
  void done.then(() => (finished = true));
  let expected = performance.now() + 10;
  const ticker = setInterval(() => {
    const now = performance.now();
    lag = Math.max(lag, now - expected);
    expected = now + 10;
    peakRss = Math.max(peakRss, process.memoryUsage().rss / MB);
  }, 10);
  while (!finished) {
    const t = performance.now();
    await valueOf(api.getNotebookStatus({}));
    calls.push(performance.now() - t);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  clearInterval(ticker);
  return { calls, lag, peakRss };
}

async function queryP50(notebook: OpenNotebook, queries: string[]): Promise<number> {
  const api = inProcessApi(notebook.handlers);
  const durations: number[] = [];
  for (let round = 0; round < 3; round += 1) {
    for (const query of queries) {
      const t = performance.now();
      await valueOf(api.search({ query }));
      durations.push(performance.now() - t);
    }
  }
  return median(durations);
}

const before = await settledRss();
const opened = performance.now();
const first = await openNotebook(dir);
const openMs = performance.now() - opened;
const build = await watchWhile(first, first.searchIdle());
const buildMs = performance.now() - opened;
const builtRss = await settledRss();
const idleCalls = (await watchWhile(first, new Promise((resolve) => setTimeout(resolve, 1500)))).calls;
const common = [5, 8, 12, 20, 30, 45, 60, 80].map((rank) => vocabulary.words[rank]!);
const commonP50 = await queryP50(first, common);
const phraseP50 = await queryP50(first, phrases);
const queriedRss = await settledRss();
const closing = performance.now();
await first.close();
const closeMs = performance.now() - closing;

const reopened = performance.now();
const second = await openNotebook(dir);
await valueOf(inProcessApi(second.handlers).search({ query: common[0]! }));
const reopenMs = performance.now() - reopened;
const reopenRss = await settledRss();
const reopenP50 = await queryP50(second, common);
await second.close();

function printResults(): void {
  const rows: Cell[][] = [
    ['process RSS before opening (baseline)', `${before.toFixed(0)} MB`],
    ['open (returns before the index is built)', `${ms(openMs)} ms`],
    ['first open: index built', `${(buildMs / 1000).toFixed(1)} s`],
    ['RSS peak during build', `${build.peakRss.toFixed(0)} MB`],
    ['RSS settled after build', `${builtRss.toFixed(0)} MB`],
    ['RSS settled after queries', `${queriedRss.toFixed(0)} MB`],
    ['API call during build p50 / max', `${ms(median(build.calls))} / ${ms(Math.max(...build.calls))} ms (${build.calls.length} calls)`],
    ['API call when idle p50 / max (baseline)', `${ms(median(idleCalls))} / ${ms(Math.max(...idleCalls))} ms`],
    ['event loop: longest stall during build', `${ms(build.lag)} ms`],
    ['search p50, common word', `${ms(commonP50)} ms`],
    ['search p50, phrase', `${ms(phraseP50)} ms`],
    ['close (saves the index)', `${ms(closeMs)} ms`],
    ['reopen until the first search answers', `${ms(reopenMs)} ms`],
    ['RSS settled after reopen', `${reopenRss.toFixed(0)} MB`],
    ['search p50 after reopen, common word', `${ms(reopenP50)} ms`],
    ['API call during build p95', `${ms(percentile(build.calls, 0.95))} ms`],
  ];
  printTable(`Search through the API: ${ARTICLES.toLocaleString('en')} articles of ~20 KB, 10 highlights each`, ['measure', 'value'], rows, [
    'RSS: the whole bench process (vitest included); settled = after gc on the main thread and 2 s of quiet',
    'targets: settled RSS < 300 MB, API call during build < 50 ms, search p50 < 20 ms',
  ]);
}

reportBench(`search through the API (${ARTICLES.toLocaleString('en')} articles)`, printResults);
