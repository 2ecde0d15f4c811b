/**
 * The search engine the search worker runs: keeps the index in step with every change the main
 * thread forwards, builds it in small slices between queries (so a query during a large build
 * answers from what is indexed so far), saves it in the notebook folder with the articles'
 * texts beside it, and on open indexes again only the records that changed while it was closed.
 * It knows the notebook only through its folder and `EngineHost`, so it runs in any thread.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiParsedArg } from '../../common/api';
import type { Claim, Note } from '../../common/model';
import type { SearchAnswer } from '../../common/search-schema';
import { articleStamp, readArticleRecord, textOfRecord } from './article-source';
import { ArticleTexts } from './article-texts';
import { INDEX_DIR, loadIndex, saveIndex } from './index-file';
import { applyArticle, applyClaim, applyNote, removeArticle } from './index-records';
import { parseQuery } from './parse-query';
import { runQuery } from './run-query';
import { SearchIndex } from './search-index';
import type { EngineOptions, IndexChange, IndexedArticle, NotebookRecords, SearchStats } from './search-protocol';

/** A search waits for this many pending changes at most; past that it answers from the index as it is. */
const WAIT_FOR_JOBS = 100;
/** Records indexed in one go past which the build is saved, and its memory given back, at once. */
const LARGE_BUILD = 100;
/** Work done in one slice before letting queries run. */
const SLICE_MS = 12;

type Job =
  | { kind: 'article'; id: string; record?: IndexedArticle | null }
  | { kind: 'claim'; id: string; claim: Claim | null }
  | { kind: 'note'; id: string; note?: Note | null };

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
  const { dir } = host;
  let index = new SearchIndex();
  let stamps = new Map<string, string>();
  let texts: ArticleTexts | null = null;
  let loadedFromDisk = false;
  const jobs = new Map<string, Job>();
  let articlesRead = 0;
  let building: { indexed: number; total: number } | null = null;
  let running: Promise<void> | null = null;
  let closed = false;
  let dirty = false;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> = Promise.resolve();

  const enqueue = (job: Job) => {
    if (closed) return;
    jobs.delete(job.id);
    jobs.set(job.id, job);
    running ??= drain();
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
    const queued = (await staleRecords(dir, records, index, stamps)).filter((job) => !jobs.has(job.id));
    for (const job of queued) enqueue(job);
    if (queued.length > 0) building = { indexed: 0, total: queued.length };
    if (saved) host.releaseMemory?.();
  })().catch((error: unknown) => {
    // Search then starts from what it has; the notebook itself is unaffected.
    console.error('Could not bring the search index up to date:', error);
  });

  async function run(job: Job): Promise<void> {
    if (job.kind === 'article') {
      const fromFile = job.record === undefined;
      const record = fromFile ? await readArticleRecord(dir, job.id) : job.record!;
      if (fromFile) articlesRead += 1;
      if (record === null) {
        removeArticle(index, job.id);
        stamps.delete(job.id);
        texts?.forget(job.id);
        return;
      }
      let text: string | undefined;
      const textOf = (of: IndexedArticle) => (text ??= textOfRecord(of));
      // A file read again may hold new text under the same title and date: keep its text too.
      if (applyArticle(index, record, textOf) || fromFile || !texts?.has(job.id)) await texts?.put(job.id, textOf(record));
      const stamp = await articleStamp(dir, job.id);
      if (stamp) stamps.set(job.id, stamp);
    } else if (job.kind === 'claim') {
      applyClaim(index, job.id, job.claim);
      if (job.claim) stamps.set(job.id, job.claim.updatedAt);
      else stamps.delete(job.id);
    } else {
      const note = job.note !== undefined ? job.note : await host.readNote(job.id);
      applyNote(index, job.id, note);
      if (note) stamps.set(job.id, note.updatedAt);
      else stamps.delete(job.id);
    }
  }

  async function drain(): Promise<void> {
    await ready;
    let sliceStart = performance.now();
    while (jobs.size > 0 && !closed) {
      const [id, job] = jobs.entries().next().value!;
      jobs.delete(id);
      await run(job);
      dirty = true;
      if (building) building.indexed += 1;
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    const large = building !== null && building.total >= LARGE_BUILD;
    building = null;
    running = null;
    // A long build leaves its garbage (every text read and counted) at once, and is saved at
    // once rather than after the usual pause: it is kept should the app stop, and the index
    // then reads its lists from the file (the save releases their memory in turn).
    if (large) host.releaseMemory?.();
    if (large && persist && !closed) void save();
    else scheduleSave();
  }

  function scheduleSave(): void {
    if (!persist || closed || !dirty) return;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void save(), saveDelay);
    saveTimer.unref?.();
  }

  function save(): Promise<void> {
    if (!dirty || !texts) return saving;
    dirty = false;
    const files = texts;
    saving = saving
      .then(async () => {
        // Stamps and text places taken together: a record whose stamp is saved has its text saved.
        const saved = { stamps: new Map(stamps), ...files.snapshot() };
        await files.flush();
        await saveIndex(dir, { index, stamps: saved.stamps, texts: saved.texts });
        await files.delete(saved.retired);
        host.releaseMemory?.();
      })
      .catch((error: unknown) => {
        // The index can always be rebuilt from the notebook: a failed save costs time, not data.
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
      if (change.kind === 'article') enqueue({ kind: 'article', id: change.id, record: change.record });
      else if (change.kind === 'claim') enqueue({ kind: 'claim', id: change.id, claim: change.claim });
      else enqueue({ kind: 'note', id: change.id, note: change.note });
    },
    async search({ query, filters }) {
      await ready;
      // Read-your-writes: a few changes are indexed in milliseconds, so wait for them; while a
      // large build runs, answer at once from what is indexed so far.
      if (jobs.size <= WAIT_FOR_JOBS) await engine.idle();
      const parsed = parseQuery(query);
      const indexing = building && jobs.size > 0 ? { ...building } : null;
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
      if (jobs.size <= WAIT_FOR_JOBS) await engine.idle();
      else await ready;
      closed = true;
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

/** The records whose indexed state differs from the notebook's, as jobs. */
async function staleRecords(dir: string, records: NotebookRecords, index: SearchIndex, stamps: Map<string, string>): Promise<Job[]> {
  const jobs: Job[] = [];
  const articles = records.articleIds;
  const present = new Set<string>();
  // Stat the article files in batches: thousands at once would exhaust file handles.
  for (let i = 0; i < articles.length; i += 256) {
    const batch = articles.slice(i, i + 256);
    const found = await Promise.all(batch.map((id) => articleStamp(dir, id)));
    batch.forEach((id, j) => {
      present.add(id);
      if (found[j] === null || found[j] !== stamps.get(id) || !index.meta(id)) jobs.push({ kind: 'article', id });
    });
  }
  for (const claim of records.claims) {
    present.add(claim.id);
    if (stamps.get(claim.id) !== claim.updatedAt || !index.meta(claim.id)) jobs.push({ kind: 'claim', id: claim.id, claim });
  }
  for (const note of records.notes) {
    present.add(note.id);
    if (stamps.get(note.id) !== note.updatedAt || !index.meta(note.id)) jobs.push({ kind: 'note', id: note.id });
  }
  for (const meta of index.metas()) {
    if (meta.kind === 'annotation' || present.has(meta.id)) continue;
    if (meta.kind === 'article') jobs.push({ kind: 'article', id: meta.id, record: null });
    else if (meta.kind === 'claim') jobs.push({ kind: 'claim', id: meta.id, claim: null });
    else jobs.push({ kind: 'note', id: meta.id, note: null });
  }
  return jobs;
}
