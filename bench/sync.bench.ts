/**
 * Syncing a large shared notebook (the scale bench's notebook, built once and cached in
 * .tmp/bench-scale) through a git server on 127.0.0.1: the first share (every record), then
 * 100 records changed on each of two clones — one sends, the other sends and merges, the first
 * receives. While each runs: the longest stall of the event loop that answers the window, and
 * the answer time of a write made every 100 ms (a note's body, through the write path and its
 * queue, as the window's autosave does). Baseline in the same run: the same work done by
 * the system `git` on a work tree of the same files (add and commit 100 changed files and push;
 * pull them on a second clone).
 *
 * SYNC_BENCH_ARTICLES changes the size (default 10,000).
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SyncResult } from '../src-main/common/sync-schema';
import { openNotebook, type OpenNotebook } from '../src-main/services/open-notebook';
import { memoryCredentials } from '../src-main/services/sync/credentials';
import { ensureNotebook, freshCopy } from './scale/build-notebook';
import { startGitServerProcess } from './support/git-server-process';
import { ms, printTable, reportBench, median, type Cell } from './support/report';
import { watched, type Watched } from './support/watched';

const ARTICLES = Number(process.env.SYNC_BENCH_ARTICLES ?? 10_000);
const CHANGED = 100;
const log = (line: string) => process.stderr.write(`${line}\n`);
const run = promisify(execFile);
const git = (cwd: string, ...args: string[]) =>
  // No automatic gc: one left running in the background made removing the work trees fail (ENOTEMPTY) and lost the run's table.
  run('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', '-c', 'init.defaultBranch=main', '-c', 'gc.auto=0', '-c', 'maintenance.auto=false', ...args], { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd } });

await ensureNotebook(ARTICLES, log);
// In a process of its own, as a remote is: its CGI spawns here would be counted as the sync's stalls.
const server = await startGitServerProcess();
/**
 * Opened as the app opens it: search, import and export in their worker threads (from the
 * sources they would run on this thread, and the search index's build and updates would be
 * counted as the sync's stalls); measured once the index is built.
 */
async function open(dir: string): Promise<OpenNotebook> {
  const notebook = await openNotebook(dir, { persistSearch: false, credentials: memoryCredentials(), searchThread: 'worker', importThread: 'worker', exportThread: 'worker' });
  await notebook.searchIdle();
  return notebook;
}

/** Changes `CHANGED` records: highlight comments on half as many articles, and notes or claims. */
async function change(notebook: OpenNotebook, offset: number, label: string): Promise<void> {
  const { handlers } = notebook;
  const articles = (await handlers.listArticles({})).filter((a) => a.annotationCount > 0).slice(offset, offset + CHANGED / 2);
  for (const article of articles) {
    const [first] = await handlers.listAnnotations({ articleId: article.id });
    if (first) await handlers.updateAnnotation({ id: first.id, comment: `${label} ${article.id}` });
  }
  const claims = (await handlers.listClaims({})).slice(offset, offset + CHANGED - articles.length);
  for (const claim of claims) await handlers.updateClaim({ id: claim.id, statement: `${label}: ${claim.statement.slice(0, 60)}` });
  for (let i = articles.length + claims.length; i < CHANGED; i++) await handlers.createNote({ title: `${label} ${i}`, body: 'Bench note.' });
}

/** The note the window's writes go to, made before the first share (so both clones hold it). */
let probe = '';
let writes = 0;
/** Runs `work` on `notebook` watched, with a window's write (the probe note's body) every 100 ms: the next sync sends it. */
const watchedWithWrites = (work: () => Promise<unknown>, notebook: OpenNotebook) =>
  watched(work, notebook, () => notebook.handlers.updateNote({ id: probe, body: `Write ${++writes} while syncing.` }));

const rows: [string, Watched, string][] = [];
const remote = await server.createBare('bench');
const adaDir = await freshCopy(ARTICLES, 'sync-ada');
let ada = await open(adaDir);
probe = (await ada.handlers.createNote({ title: 'Bench probe', body: '' })).id;
// The machine's own noise: the ticker's longest stall over 3 s while nothing runs.
rows.push(['nothing (3 s): the machine’s noise', await watchedWithWrites(() => new Promise((resolve) => setTimeout(resolve, 3_000)), ada), '']);
log(`sync: first share of ${ARTICLES.toLocaleString('en')} articles …`);
const share = await watchedWithWrites(() => ada.handlers.shareNotebook({ remote, authorName: 'Ada' }), ada);
rows.push(['first share (every record)', share, (share.value as SyncResult).said]);
await ada.close();
// Ben's clone: the same folder, history and all, as if he had joined. Copied with the files'
// times to the nanosecond (`cp -a`; Node's cp keeps milliseconds): with new times, his open
// would take every file in again as changed from outside, competing with his first sync.
const benDir = join(adaDir, '..', `${ARTICLES}-sync-ben`);
await rm(benDir, { recursive: true, force: true });
await run('cp', ['-a', adaDir, benDir]);
ada = await open(adaDir);
const ben = await open(benDir);

await change(ada, 0, 'Ada');
log('sync: Ada sends 100 changed records …');
const send = await watchedWithWrites(() => ada.handlers.syncNotebook({}), ada);
rows.push([`send ${CHANGED} changed records`, send, (send.value as SyncResult).said]);
await change(ben, CHANGED, 'Ben');
log('sync: Ben sends 100 and merges 100 …');
const both = await watchedWithWrites(() => ben.handlers.syncNotebook({}), ben);
rows.push([`send ${CHANGED}, receive and merge ${CHANGED}`, both, (both.value as SyncResult).said]);
log('sync: Ada receives 100 …');
const receive = await watchedWithWrites(() => ada.handlers.syncNotebook({}), ada);
rows.push([`receive ${CHANGED} changed records`, receive, (receive.value as SyncResult).said]);
const idle = await watchedWithWrites(() => ada.handlers.syncNotebook({}), ada);
rows.push(['sync with nothing to do', idle, (idle.value as SyncResult).said]);
await ada.close();
await ben.close();

// Baseline: the system git on work trees of the same record files.
log('sync: baseline with the system git …');
const work = await mkdtemp(join(tmpdir(), 'marginalia-sync-baseline-'));
const baseRemote = await server.createBare('baseline');
const one = join(work, 'one');
const two = join(work, 'two');
await git(work, 'clone', '-q', baseRemote, one);
for (const folder of ['articles', 'claims', 'notes']) await cp(join(adaDir, folder), join(one, folder), { recursive: true });
await git(one, 'add', '-A');
await git(one, 'commit', '-q', '-m', 'All records');
await git(one, 'push', '-q', 'origin', 'HEAD:main');
await git(work, 'clone', '-q', baseRemote, two);
const files = (await readdir(join(one, 'articles'))).slice(0, CHANGED);
const timed = async (work: () => Promise<unknown>): Promise<Watched> => {
  const started = performance.now();
  await work();
  return { ms: performance.now() - started, stall: 0, calls: [] };
};
for (const name of files) {
  const path = join(one, 'articles', name);
  await writeFile(path, (await readFile(path, 'utf8')).replace(/"comment": "[^"]*"/, '"comment": "changed by the baseline"'));
}
const gitSend = await timed(async () => {
  await git(one, 'add', '-A');
  await git(one, 'commit', '-q', '-m', `${CHANGED} records`);
  await git(one, 'push', '-q', 'origin', 'HEAD:main');
});
const gitReceive = await timed(() => git(two, 'pull', '-q', '--no-rebase', 'origin', 'main'));
for (const dir of [work, adaDir, benDir]) await rm(dir, { recursive: true, force: true, maxRetries: 5 });
await server.close();

function printResults(): void {
  const row = (label: string, result: Watched, what: string, baseline?: Watched): Cell[] => [
    label,
    `${(result.ms / 1000).toFixed(2)} s`,
    baseline ? `${(result.ms / baseline.ms).toFixed(1)}×` : '—',
    what,
    result.calls.length > 0 ? `${ms(result.stall)} ms` : '—',
    result.gc !== undefined ? `${ms(result.gc)} ms` : '—',
    result.calls.length > 0 ? `${ms(median(result.calls))} / ${ms(Math.max(...result.calls))} ms` : '—',
  ];
  printTable(
    `Sync of a shared notebook of ${ARTICLES.toLocaleString('en')} articles through git on 127.0.0.1`,
    ['step', 'time', 'vs system git', 'what', 'longest stall', 'longest gc', 'write p50 / max'],
    [
      row(`baseline: system git add + commit + push of ${CHANGED} changed files`, gitSend, ''),
      row('baseline: system git pull of them', gitReceive, ''),
      ...rows.map(([label, result, what]) => row(label, result, what, /receive/.test(label) && !/send/.test(label) ? gitReceive : /nothing|first/.test(label) ? undefined : gitSend)),
    ],
    ['longest stall: the event loop of the process that answers the window (a 10 ms ticker); longest gc: of that thread, meanwhile', 'write: updateNote of a probe note every 100 ms while the step runs (answered once persisted)'],
  );
}

reportBench(`sync (${ARTICLES.toLocaleString('en')} articles)`, printResults);
