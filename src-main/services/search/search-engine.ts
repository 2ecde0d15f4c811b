/**
 * The search engine the search worker runs: keeps the index in step with every change the main
 * thread forwards, builds it in small slices between queries (so a query during a large build
 * answers from what is indexed so far), saves it in the notebook folder with the articles'
 * texts beside it, and on open indexes again only the records that changed while it was closed.
 * It knows the notebook only through its folder and `EngineHost`, so it runs in any thread.
 *
 * What changed since the last save is told by stamps (store/file-stamp.ts): the index keeps, for
 * each record, the stamp of the file it took in, and on open every record whose file's stamp
 * differs is indexed again. That is right whenever the process was killed, provided a stamp is
 * never newer than what is indexed under it: a change the store forwards carries the stamp its
 * own write left, and a file read here is stamped before it is read (a write in between leaves
 * the older stamp, so the record is read again next time). A save copies the stamps before it
 * takes the index, so the saved index is never older than its stamps either.
 *
 * After a crash the records changed since the last save are indexed newest first, before a
 * search answers (up to WAIT_FOR_JOBS of them), so the note saved just before the crash is
 * found at once; and what was caught up is saved at once, so crash after crash does not pile up
 * work. A long build saves as it goes (every `checkpointMs`), so one killed part way keeps what
 * it did, and a notebook never idle for `saveDelayMs` is still saved every `maxSaveDelayMs`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiParsedArg } from '../../common/api';
import type { Claim, Note } from '../../common/model';
import type { SearchAnswer } from '../../common/search-schema';
import { stampTime } from '../../store/file-stamp';
import { ArticleTexts } from './article-texts';
import { INDEX_DIR, loadIndex, saveIndex } from './index-file';
import { applyArticle, applyClaim, applyNote, removeArticle } from './index-records';
import { parseQuery } from './parse-query';
import { readArticleRecord, readClaimRecord, recordStamp, textOfRecord } from './record-source';
import { runQuery } from './run-query';
import { SearchIndex } from './search-index';
import type { EngineOptions, IndexChange, IndexedArticle, NotebookRecords, SearchStats } from './search-protocol';
import { timeSlices } from '../../store/event-loop-turns';

/** A search waits for this many pending changes at most; past that it answers from the index as it is. */
const WAIT_FOR_JOBS = 100;
/** Records indexed in one go past which the build is saved, and its memory given back, at once. */
const LARGE_BUILD = 100;
/** Work done in one slice before letting queries run. */
const SLICE_MS = 12;
/** How often a long build saves what it has done by default. */
const CHECKPOINT_MS = 10_000;
/** How long the first unsaved change waits for a save at most by default. */
const MAX_SAVE_DELAY_MS = 120_000;

/**
 * A record to index: a change as the store made it (its new state given, `null` when removed,
 * with the stamp its write left), or one found changed on open (no state: read from its file).
 */
type Job =
  | { kind: 'article'; id: string; record?: IndexedArticle | null; stamp?: string }
  | { kind: 'claim'; id: string; claim?: Claim | null; stamp?: string }
  | { kind: 'note'; id: string; note?: Note | null; stamp?: string };

/** What the engine asks of the notebook besides its folder. */
export interface EngineHost {
  readonly dir: string;
  /** A note's current state (null when it is gone or unreadable). */
  readNote(id: string): Promise<Note | null>;
  /**
   * Called when the engine has just dropped a lot of memory: a saved index read, a build
   * finished, or a save whose lists it now reads from the file (see collect-garbage.ts).
   */
  releaseMemory?(): void;
}

export interface SearchEngine {
  /** Takes a record's new state into the index (soon: changes are queued and applied in order). */
  change(change: IndexChange): void;
  search(arg: ApiParsedArg<'search'>): Promise<SearchAnswer>;
  /** Resolves when every change reported so far is in the index. */
  idle(): Promise<void>;
  /** What opening cost: how many article files were read to bring the index up to date. */
  stats(): SearchStats;
  /** Stops indexing and saves what is indexed. */
  close(): Promise<void>;
}

/**
 * Starts the engine for a notebook whose records were `records` when search opened. Returns at
 * once: the saved index is read and brought up to date in the background; changes reported
 * meanwhile wait in the queue, and searches wait until the saved index is read.
 */
export function startEngine(host: EngineHost, records: NotebookRecords, options: EngineOptions): SearchEngine {
  const { persist, saveDelayMs: saveDelay } = options;
  const maxSaveDelay = options.maxSaveDelayMs ?? MAX_SAVE_DELAY_MS;
  const checkpoint = options.checkpointMs ?? CHECKPOINT_MS;
  const { dir } = host;
  let index = new SearchIndex();
  let stamps = new Map<string, string>();
  let texts: ArticleTexts | null = null;
  let loadedFromDisk = false;
  /** Changes as the store makes them: indexed first. */
  const jobs = new Map<string, Job>();
  /** Records found changed on open, newest first: indexed when no change waits. */
  const backlog = new Map<string, Job>();
  /** A search waits until the backlog is down to this (see `ready`). */
  let backlogTail = 0;
  const waiters: { until: () => boolean; resolve: () => void }[] = [];
  let articlesRead = 0;
  let building: { indexed: number; total: number } | null = null;
  let running: Promise<void> | null = null;
  let closed = false;
  let dirty = false;
  /** When the oldest change not in a saved index was indexed (performance.now()). */
  let dirtySince = 0;
  let lastSave = performance.now();
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> = Promise.resolve();

  /** Whether a job is being indexed now: taken off its list, it may still be reading its file. */
  let jobInFlight = false;
  const pending = () => jobs.size + backlog.size;

  const enqueue = (job: Job) => {
    if (closed) return;
    jobs.delete(job.id);
    backlog.delete(job.id);
    jobs.set(job.id, job);
    running ??= drain();
  };

  /** Resolves once `until()` holds (checked after each record indexed), or the engine closes. */
  const settled = (until: () => boolean) =>
    new Promise<void>((resolve) => {
      if (until() || closed) resolve();
      else waiters.push({ until, resolve });
    });
  const wake = (all = false) => {
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (all || waiters[i]!.until()) waiters.splice(i, 1)[0]!.resolve();
    }
  };

  // Bring the index up to date with the notebook: what changed while closed, or everything.
  const ready = (async () => {
    const { saved } = persist ? await loadIndex(dir) : { saved: null };
    if (saved) {
      index = saved.index;
      stamps = saved.stamps;
      loadedFromDisk = true;
    }
    texts = await ArticleTexts.open(persist ? join(dir, INDEX_DIR) : await mkdtemp(join(tmpdir(), 'marginalia-search-')), saved?.texts ?? null);
    // A change the store made meanwhile is already queued, with its state.
    const queued = (await staleRecords(dir, records, index, stamps)).filter((job) => !jobs.has(job.id));
    for (const job of queued) backlog.set(job.id, job);
    backlogTail = Math.max(0, backlog.size - WAIT_FOR_JOBS);
    if (queued.length > 0) {
      building = { indexed: 0, total: queued.length };
      running ??= drain();
    }
    if (saved) host.releaseMemory?.();
  })().catch((error: unknown) => {
    // Search then starts from what it has; the notebook itself is unaffected.
    console.error('Could not bring the search index up to date:', error);
  });

  const keepStamp = (id: string, stamp: string | null | undefined) => (stamp ? stamps.set(id, stamp) : stamps.delete(id));

  async function run(job: Job): Promise<void> {
    // Stamped before the file is read (see the top of this file).
    const read = (job.kind === 'article' ? job.record : job.kind === 'claim' ? job.claim : job.note) === undefined;
    const stamp = read ? await recordStamp(dir, job.kind, job.id) : job.stamp;
    if (job.kind === 'article') {
      const record = read ? await readArticleRecord(dir, job.id) : job.record!;
      if (read) articlesRead += 1;
      if (record === null) {
        removeArticle(index, job.id);
        stamps.delete(job.id);
        texts?.forget(job.id);
        return;
      }
      let text: string | undefined;
      const textOf = (of: IndexedArticle) => (text ??= textOfRecord(of));
      // A file read again may hold new text under the same title and date: keep its text too.
      if (applyArticle(index, record, textOf) || read || !texts?.has(job.id)) await texts?.put(job.id, textOf(record));
      keepStamp(job.id, stamp);
    } else if (job.kind === 'claim') {
      const claim = read ? await readClaimRecord(dir, job.id) : job.claim!;
      applyClaim(index, job.id, claim);
      keepStamp(job.id, claim ? stamp : null);
    } else {
      const note = read ? await host.readNote(job.id) : job.note!;
      applyNote(index, job.id, note);
      keepStamp(job.id, note ? stamp : null);
    }
  }

  async function drain(): Promise<void> {
    await ready;
    const turn = timeSlices(SLICE_MS);
    while (pending() > 0 && !closed) {
      const from = jobs.size > 0 ? jobs : backlog;
      const [id, job] = from.entries().next().value!;
      from.delete(id);
      jobInFlight = true;
      await run(job).finally(() => (jobInFlight = false));
      if (!dirty) dirtySince = performance.now();
      dirty = true;
      if (building && from === backlog) building.indexed += 1;
      wake();
      // A long build keeps what it has done should the app be stopped.
      if (building && persist && performance.now() - lastSave > checkpoint) void save();
      await turn();
    }
    const caughtUp = building !== null && !closed;
    const large = building !== null && building.total >= LARGE_BUILD;
    building = null;
    running = null;
    wake();
    // A long build leaves its garbage (every text read and counted) at once, and the index then
    // reads its lists from the file (the save releases their memory in turn). What was caught
    // up after a crash is saved at once, so the next open starts from here.
    if (large) host.releaseMemory?.();
    if (caughtUp && persist) void save();
    else scheduleSave();
  }

  function scheduleSave(): void {
    if (!persist || closed || !dirty) return;
    clearTimeout(saveTimer);
    // After a pause in the changes, but however busy the notebook, not long after the first unsaved one.
    const wait = Math.max(0, Math.min(saveDelay, dirtySince + maxSaveDelay - performance.now()));
    saveTimer = setTimeout(() => void save(), wait);
    saveTimer.unref?.();
  }

  function save(): Promise<void> {
    if (!dirty || !texts) return saving;
    dirty = false;
    lastSave = performance.now();
    const files = texts;
    saving = saving
      .then(async () => {
        // Stamps and text places taken together: a record whose stamp is saved has its text saved.
        // The index is taken after them, so it is never older than the stamps saved with it.
        const saved = { stamps: new Map(stamps), ...files.snapshot() };
        await files.flush();
        await saveIndex(dir, { index, stamps: saved.stamps, texts: saved.texts });
        await files.delete(saved.retired);
        host.releaseMemory?.();
      })
      .catch((error: unknown) => {
        // The index can always be rebuilt from the notebook: a failed save costs time, not data.
        if (!dirty) dirtySince = performance.now();
        dirty = true;
        console.error('Could not save the search index:', error);
      });
    return saving;
  }

  /** An article's canonical text: from the texts file, else from its own file (kept for next time). */
  async function articleText(id: string): Promise<string | null> {
    const kept = await texts?.get(id);
    if (kept !== undefined) return kept;
    const record = await readArticleRecord(dir, id);
    if (!record) return null;
    const text = textOfRecord(record);
    if (index.meta(id)?.kind === 'article') await texts?.put(id, text);
    return text;
  }

  const engine: SearchEngine = {
    change(change) {
      const stamp = change.stamp ? { stamp: change.stamp } : {};
      if (change.kind === 'article') enqueue({ kind: 'article', id: change.id, record: change.record, ...stamp });
      else if (change.kind === 'claim') enqueue({ kind: 'claim', id: change.id, claim: change.claim, ...stamp });
      else enqueue({ kind: 'note', id: change.id, note: change.note, ...stamp });
    },
    async search({ query, filters }) {
      await ready;
      // Read-your-writes: a few changes are indexed in milliseconds, so wait for them, and for
      // the newest records changed while closed; while a large build or import runs, answer at
      // once from what is indexed so far.
      if (jobs.size <= WAIT_FOR_JOBS) await settled(() => jobs.size === 0 && !jobInFlight && backlog.size <= backlogTail);
      const parsed = parseQuery(query);
      const indexing = building && pending() > 0 ? { ...building } : null;
      if (parsed.words.length === 0) return { results: [], indexing };
      const results = await runQuery(index, parsed, filters ?? {}, articleText);
      return { results, indexing };
    },
    async idle() {
      await ready;
      while (running) await running;
    },
    stats: () => ({ articlesRead, loadedFromDisk }),
    async close() {
      clearTimeout(saveTimer);
      // The last few changes (they reach the worker just before it is told to close) are kept;
      // a large build stops where it is and goes on from its stamps at the next open.
      if (pending() <= WAIT_FOR_JOBS) await engine.idle();
      else await ready;
      closed = true;
      wake(true);
      while (running) await running;
      if (persist) await save();
      await saving;
      await texts?.close();
      index.close();
      if (!persist && texts) await rm(texts.folder, { recursive: true, force: true });
    },
  };
  return engine;
}

/**
 * The records whose file's stamp differs from the one indexed, as jobs, newest first; and the
 * records indexed that the notebook no longer holds, as removals, before them.
 */
async function staleRecords(dir: string, records: NotebookRecords, index: SearchIndex, stamps: Map<string, string>): Promise<Job[]> {
  const changed: { job: Job; at: number }[] = [];
  const present = new Set<string>();
  const kinds = [
    ['article', records.articleIds],
    ['claim', records.claimIds],
    ['note', records.noteIds],
  ] as const;
  for (const [kind, ids] of kinds) {
    // Stat the files in batches: thousands at once would exhaust file handles.
    for (let i = 0; i < ids.length; i += 256) {
      const batch = ids.slice(i, i + 256);
      const found = await Promise.all(batch.map((id) => recordStamp(dir, kind, id)));
      batch.forEach((id, j) => {
        present.add(id);
        const stamp = found[j];
        if (!stamp || stamp !== stamps.get(id) || !index.meta(id)) changed.push({ job: { kind, id }, at: stamp ? stampTime(stamp) : Infinity });
      });
    }
  }
  const removed: Job[] = [];
  for (const meta of index.metas()) {
    if (meta.kind === 'annotation' || present.has(meta.id)) continue;
    if (meta.kind === 'article') removed.push({ kind: 'article', id: meta.id, record: null });
    else if (meta.kind === 'claim') removed.push({ kind: 'claim', id: meta.id, claim: null });
    else removed.push({ kind: 'note', id: meta.id, note: null });
  }
  return [...removed, ...changed.sort((a, b) => b.at - a.at).map(({ job }) => job)];
}
