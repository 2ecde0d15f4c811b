/**
 * The host rows: browser mode started on a copy of the built notebook and driven over HTTP.
 * First open (no search index yet): index build time, API latency meanwhile, RSS peak and
 * settled. Then repeated opens until listArticles answers. Then, on one running host, the
 * painting rows in Chromium and the write and read operations.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describeRange } from '../../src-main/common/anchoring/describe-range';
import { initialLibraryView } from '../../src-main/common/library-view';
import { MOST_COLLECTIONS, QUIET_MS } from '../../src-main/services/quiet-memory';
import { figure, MB, repeat, timed, type RowResult } from './figures';
import { memoryMb, startHost, writtenBytes, type Host } from './host';
import { measurePainting } from './paint';
import { bigArticleId, BIG_ARTICLE_TITLE } from './library-records';
import { workload, type Workload } from './workload';

type Results = Record<string, RowResult>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls search until it no longer reports an index build; answers when that was. */
async function untilIndexed(host: Host, query: string, onPoll: () => Promise<void> = async () => {}): Promise<void> {
  for (;;) {
    await onPoll();
    const answer = await host.call('search', { query });
    if (answer.indexing === null) return;
    await sleep(100);
  }
}

/** Resolves once the search index is saved in the notebook folder (it is written atomically). */
async function untilSaved(dir: string): Promise<void> {
  for (;;) {
    if (await stat(join(dir, 'search-index', 'index.bin')).catch(() => null)) return;
    await sleep(200);
  }
}

/** First open of a notebook without search-index/: the build, the API meanwhile, memory. */
export async function measureFirstOpen(dir: string, work: Workload, results: Results): Promise<void> {
  const spawned = performance.now();
  const host = await startHost(dir);
  const peakRss: number[] = [];
  const during: number[] = [];
  await untilIndexed(host, work.commonWords[0]!, async () => {
    during.push((await timed(() => host.call('getHistory', {})))[0]);
  });
  results.searchBuild = { figure: figure([(performance.now() - spawned) / 1000], 's'), note: 'from spawn until search reports no build' };
  // Each getHistory went out before the search that found the build still running or just done.
  results.apiDuringBuild = during.length > 0 ? { figure: figure(during, 'ms') } : { note: 'the index was built before a call could be made' };
  // Settled once the build is saved: the engine saves a large build at once, then reads its
  // posting lists from that file and gives back what the build held. That takes seconds on a
  // busy machine (measured: 305, 399, 411, 386, then 297 MB for good), so RSS is read once a
  // second until three readings in a row agree within 2 MB, and those three are the figure.
  // Not before the host has had the time to find itself quiet (no call since the last search
  // above) and give back what its threads grew: checks every QUIET_MS / 2, up to
  // MOST_COLLECTIONS collections (services/quiet-memory.ts).
  await untilSaved(dir);
  peakRss.push(await memoryMb(host.pid, 'VmHWM'));
  results.rssBuildPeak = { figure: figure(peakRss, 'MB') };
  const readings: number[] = [];
  const quietSeconds = Math.ceil((QUIET_MS + ((MOST_COLLECTIONS + 1) * QUIET_MS) / 2) / 1000);
  const steady = () => readings.length >= Math.max(3, quietSeconds + 1) && Math.max(...readings.slice(-3)) - Math.min(...readings.slice(-3)) <= 2;
  while (!steady() && readings.length < 30) {
    await sleep(1000);
    readings.push(await memoryMb(host.pid, 'VmRSS'));
  }
  results.rssBuildSettled = {
    figure: figure(readings.slice(-3), 'MB'),
    note: `VmRSS once a second after the built index was saved, until three readings agree within 2 MB: ${readings.map((mb) => mb.toFixed(0)).join(', ')} MB`,
  };
  await host.stop();
}

/**
 * Starts the host `times` times: from spawn until the first rows of the default view have
 * answered (what the window paints), and until the whole list it asks for next has.
 */
export async function measureOpens(dir: string, times: number, results: Results): Promise<void> {
  const first: number[] = [];
  const whole: number[] = [];
  let firstBytes = 0;
  let wholeBytes = 0;
  for (let i = 0; i < times; i += 1) {
    const spawned = performance.now();
    const host = await startHost(dir);
    firstBytes = Buffer.byteLength(await host.callRaw('listArticles', { first: { view: initialLibraryView, tag: null, limit: 100 } }));
    first.push(performance.now() - spawned);
    wholeBytes = Buffer.byteLength(await host.callRaw('listArticles', {}));
    whole.push(performance.now() - spawned);
    await host.stop();
  }
  results.openListed = { figure: figure(first, 'ms'), note: 'spawn → address printed → the first 100 rows answered' };
  results.firstRowsBytes = { figure: figure([firstBytes / MB], 'MB') };
  results.openListedWhole = { figure: figure(whole, 'ms'), note: 'then the whole list, as the window asks next' };
  results.listArticlesBytes = { figure: figure([wholeBytes / MB], 'MB') };
}

async function measureHighlights(host: Host, work: Workload, results: Results): Promise<void> {
  const durations: number[] = [];
  const bytes: number[] = [];
  for (const { articleId, text, at } of work.highlightSpots) {
    // In the article a reader has open (see measure-service.ts).
    await host.call('getArticle', { id: articleId });
    await host.call('listAnnotations', { articleId });
    const before = await writtenBytes(host.pid);
    const [ms] = await timed(() => host.call('createAnnotation', { articleId, target: describeRange(text, at, at + 40), color: 'green' }));
    bytes.push((await writtenBytes(host.pid)) - before);
    durations.push(ms);
  }
  results.highlightHost = { figure: figure(durations, 'ms'), note: 'each in an article the window has opened (getArticle, listAnnotations)' };
  results.highlightBytes = { figure: figure(bytes.map((b) => b / 1024), 'KB'), note: 'write_bytes of the host process per createAnnotation' };
}

async function measureNotes(host: Host, dir: string, work: Workload, results: Results): Promise<void> {
  const note = await host.call('createNote', { title: 'Scale bench note', body: work.noteBody(0) });
  const edits: number[] = [];
  const undos: number[] = [];
  for (let i = 1; i <= work.noteEdits; i += 1) {
    edits.push((await timed(() => host.call('updateNote', { id: note.id, body: work.noteBody(i) })))[0]);
    undos.push((await timed(() => host.call('undo', {})))[0]);
  }
  results.noteEditHost = { figure: figure(edits, 'ms') };
  results.noteUndoHost = { figure: figure(undos, 'ms') };
  const before = await historyBytes(dir);
  const saves = await repeat(200, (i) => host.call('updateNote', { id: note.id, body: work.noteBody(1000 + i) }));
  results.autosave = { figure: figure(saves, 'ms') };
  const after = await historyBytes(dir);
  results.historyBytes = {
    figure: figure([after / 1024], 'KB'),
    note: `history.log (+ history.json if any) after every step of this run; the 200 autosaves added ${((after - before) / 200 / 1024).toFixed(1)} KB each`,
  };
}

async function historyBytes(dir: string): Promise<number> {
  const sizes = await Promise.all(['history.log', 'history.json'].map((name) => stat(join(dir, name)).then((s) => s.size, () => 0)));
  return sizes.reduce((a, b) => a + b, 0);
}

async function measureReads(host: Host, work: Workload, results: Results): Promise<void> {
  // Search waits for pending index updates (read-your-writes): let the writes above settle first.
  await host.call('search', { query: work.commonWords[0]! });
  const common = await repeat(work.commonWords.length * 3, (i) => host.call('search', { query: work.commonWords[i % work.commonWords.length]! }));
  const phrase = await repeat(work.phrases.length * 3, (i) => host.call('search', { query: work.phrases[i % work.phrases.length]! }));
  results.searchCommon = { figure: figure(common, 'ms') };
  results.searchPhrase = { figure: figure(phrase, 'ms') };
  const tags: number[] = [];
  // Three calls, fewer when one takes minutes (175 s at 50,000 before the rewrite).
  for (let i = 0; i < 3 && tags.reduce((a, b) => a + b, 0) < 60_000; i += 1) tags.push((await timed(() => host.call('listTags', {})))[0]);
  results.listTags = { figure: figure(tags, 'ms') };
}

/** Painting in Chromium, then writes and reads, on one host started on `dir` (search index already built). */
export async function measureOperations(dir: string, count: number, work: Workload, paints: number, results: Results): Promise<void> {
  const host = await startHost(dir);
  try {
    await untilIndexed(host, work.commonWords[0]!);
    const big = await host.call('listAnnotations', { articleId: bigArticleId(count) });
    const anchored = big.filter((a) => a.anchor.status === 'anchored').length;
    const rssWindow: number[] = [];
    const painting = await measurePainting(host.url, BIG_ARTICLE_TITLE, anchored, paints, async () => {
      rssWindow.push(await memoryMb(host.pid, 'VmRSS'));
    });
    results.rssWindow = { figure: figure(rssWindow, 'MB'), note: 'VmRSS once Chromium has painted the library' };
    // The first load finds nothing in the browser profile (see measurePainting).
    const first = (samples: number[]) => `the first load, nothing cached: ${samples[0]!.toFixed(0)} ms`;
    results.libraryPainted = { figure: figure(painting.libraryPainted, 'ms'), note: `navigation start → list painted; ${first(painting.libraryPainted)}` };
    results.articlePainted = { figure: figure(painting.articlePainted, 'ms'), note: `${anchored} highlights anchored; ${first(painting.articlePainted)}` };
    results.articleLongestTask = { figure: figure(painting.longestTask, 'ms') };
    await measureHighlights(host, work, results);
    await measureNotes(host, dir, work, results);
    await measureReads(host, work, results);
  } finally {
    await host.stop();
  }
}

/** Loads what the operations need from the notebook's own files (article texts for highlights and phrases). */
export async function loadWorkload(dir: string, count: number): Promise<Workload> {
  return workload(count, async (id) => {
    const file = JSON.parse(await readFile(join(dir, 'articles', `${id}.json`), 'utf8')) as { article: { original: string } };
    return file.article.original;
  });
}
