/**
 * Search over the notebook: keeps the index in step with every change the store reports,
 * builds it in small slices between other work (so the app keeps answering while a large
 * notebook is indexed), saves it in the notebook folder and, on open, indexes again only the
 * records that changed while it was closed.
 */
import type { ApiParsedArg } from '../../common/api';
import type { Claim, Note } from '../../common/model';
import type { SearchAnswer } from '../../common/search-schema';
import type { ArticleRecord } from '../../store/notebook-files';
import type { NotebookStore, StoreChange } from '../../store/notebook-store';
import { articleStamp, readArticleRecord, TextCache, textOfRecord } from './article-source';
import { loadIndex, saveIndex } from './index-file';
import { applyArticle, applyClaim, applyNote, removeArticle } from './index-records';
import { parseQuery } from './parse-query';
import { runQuery } from './run-query';
import { SearchIndex } from './search-index';

/** A search waits for this many pending changes at most; past that it answers from the index as it is. */
const WAIT_FOR_JOBS = 100;
/** Work done in one slice before letting other work (API calls) run. */
const SLICE_MS = 12;

type Job =
  | { kind: 'article'; id: string; record?: ArticleRecord | null }
  | { kind: 'claim'; id: string; claim: Claim | null }
  | { kind: 'note'; id: string; note?: Note | null };

export interface SearchOptions {
  /** Save the index in the notebook folder (default true). */
  persist?: boolean;
  /**
   * How long after the last change the index is saved, in ms. Saving seldom is safe: on open,
   * records changed since the last save are found by their stamps and indexed again.
   */
  saveDelayMs?: number;
}

export interface SearchService {
  search(arg: ApiParsedArg<'search'>): Promise<SearchAnswer>;
  /** Resolves when every change reported so far is in the index. */
  idle(): Promise<void>;
  /** What opening cost: how many article files were read to bring the index up to date. */
  stats(): { articlesRead: number; loadedFromDisk: boolean };
  /** Stops indexing and saves what is indexed. */
  close(): Promise<void>;
}

/**
 * Starts search for an open notebook. Returns at once: the saved index is read and brought up
 * to date in the background, so opening the notebook never waits for it; changes reported
 * meanwhile wait in the queue, and searches wait until the saved index is read.
 */
export function openSearch(store: NotebookStore, options: SearchOptions = {}): SearchService {
  const persist = options.persist ?? true;
  const saveDelay = options.saveDelayMs ?? 20_000;
  let index = new SearchIndex();
  let stamps = new Map<string, string>();
  let loadedFromDisk = false;
  const texts = new TextCache();
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
    const { saved } = persist ? await loadIndex(store.dir) : { saved: null };
    if (saved) {
      index = saved.index;
      stamps = saved.stamps;
      loadedFromDisk = true;
    }
    const queued = (await staleRecords(store, index, stamps)).filter((job) => !jobs.has(job.id));
    for (const job of queued) enqueue(job);
    if (queued.length > 0) building = { indexed: 0, total: queued.length };
  })().catch((error: unknown) => {
    // Search then starts from what it has; the notebook itself is unaffected.
    console.error('Could not bring the search index up to date:', error);
  });

  const unsubscribe = store.onChange((change: StoreChange) => {
    if (change.kind === 'article') enqueue({ kind: 'article', id: change.id, record: change.record });
    else if (change.kind === 'claim') enqueue({ kind: 'claim', id: change.id, claim: change.claim });
    else enqueue({ kind: 'note', id: change.id, note: change.note });
  });

  async function run(job: Job): Promise<void> {
    if (job.kind === 'article') {
      let record = job.record;
      if (record === undefined) {
        record = await readArticleRecord(store.dir, job.id);
        articlesRead += 1;
      }
      if (record === null) {
        removeArticle(index, job.id);
        stamps.delete(job.id);
        texts.forget(job.id);
        return;
      }
      if (applyArticle(index, record, textOfRecord)) texts.forget(job.id);
      const stamp = await articleStamp(store.dir, job.id);
      if (stamp) stamps.set(job.id, stamp);
    } else if (job.kind === 'claim') {
      applyClaim(index, job.id, job.claim);
      if (job.claim) stamps.set(job.id, job.claim.updatedAt);
      else stamps.delete(job.id);
    } else {
      const note = job.note !== undefined ? job.note : await store.readNote(job.id).catch(() => null);
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
    building = null;
    running = null;
    scheduleSave();
  }

  function scheduleSave(): void {
    if (!persist || closed || !dirty) return;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void save(), saveDelay);
    saveTimer.unref?.();
  }

  function save(): Promise<void> {
    if (!dirty) return saving;
    dirty = false;
    saving = saving.then(() => saveIndex(store.dir, { index, stamps })).catch((error: unknown) => {
      // The index can always be rebuilt from the notebook: a failed save costs time, not data.
      dirty = true;
      console.error('Could not save the search index:', error);
    });
    return saving;
  }

  const service: SearchService = {
    async search({ query, filters }) {
      await ready;
      // Read-your-writes: a few changes are indexed in milliseconds, so wait for them; while a
      // large build runs, answer at once from what is indexed so far.
      if (jobs.size <= WAIT_FOR_JOBS) await service.idle();
      const parsed = parseQuery(query);
      const indexing = building && jobs.size > 0 ? { ...building } : null;
      if (parsed.words.length === 0) return { results: [], indexing };
      const articleText = async (id: string) => {
        const cached = texts.get(id);
        if (cached !== undefined) return cached;
        const record = await readArticleRecord(store.dir, id);
        if (!record) return null;
        const text = textOfRecord(record);
        texts.set(id, text);
        return text;
      };
      const results = await runQuery(index, parsed, filters ?? {}, articleText);
      return { results, indexing };
    },
    async idle() {
      await ready;
      while (running) await running;
    },
    stats: () => ({ articlesRead, loadedFromDisk }),
    async close() {
      unsubscribe();
      clearTimeout(saveTimer);
      await ready;
      closed = true;
      while (running) await running;
      if (persist) await save();
      await saving;
    },
  };
  return service;
}

/** The records whose indexed state differs from the notebook's, as jobs. */
async function staleRecords(store: NotebookStore, index: SearchIndex, stamps: Map<string, string>): Promise<Job[]> {
  const jobs: Job[] = [];
  const articles = store.listArticles();
  const present = new Set<string>();
  // Stat the article files in batches: thousands at once would exhaust file handles.
  for (let i = 0; i < articles.length; i += 256) {
    const batch = articles.slice(i, i + 256);
    const found = await Promise.all(batch.map((meta) => articleStamp(store.dir, meta.id)));
    batch.forEach((meta, j) => {
      present.add(meta.id);
      if (found[j] === null || found[j] !== stamps.get(meta.id) || !index.meta(meta.id)) jobs.push({ kind: 'article', id: meta.id });
    });
  }
  for (const claim of store.claims()) {
    present.add(claim.id);
    if (stamps.get(claim.id) !== claim.updatedAt || !index.meta(claim.id)) jobs.push({ kind: 'claim', id: claim.id, claim });
  }
  for (const note of store.noteMetas()) {
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
