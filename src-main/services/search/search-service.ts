/**
 * Search over the notebook, run in a worker thread: the main thread forwards every change the
 * store reports (only what the index needs) and each search, and the worker builds, loads,
 * saves and queries the index, so the main thread stays free for the window's calls even
 * while a large notebook is indexed. See search-engine.ts for what the worker does.
 */
import type { ApiParsedArg } from '../../common/api';
import type { SearchAnswer } from '../../common/search-schema';
import type { NotebookStore } from '../../store/notebook-store';
import { indexChangeOf, type FromWorker, type NotebookRecords, type SearchStats, type ToWorker } from './search-protocol';
import { fromSources, startSearchInProcess, startSearchWorker } from './start-search-worker';

export interface SearchOptions {
  /** Save the index in the notebook folder (default true). */
  persist?: boolean;
  /**
   * How long after the last change the index is saved, in ms. Saving seldom is safe: on open,
   * records changed since the last save are found by their stamps and indexed again.
   */
  saveDelayMs?: number;
  /** How long after the first unsaved change the index is saved however busy the notebook is, in ms. */
  maxSaveDelayMs?: number;
  /** Where the engine runs: its worker thread (the default when built) or this thread (the default in unit tests). */
  thread?: 'worker' | 'in-process';
}

export interface SearchService {
  search(arg: ApiParsedArg<'search'>): Promise<SearchAnswer>;
  /** Resolves when every change reported so far is in the index. */
  idle(): Promise<void>;
  /** What opening cost: how many article files were read to bring the index up to date. */
  stats(): SearchStats;
  /** Stops indexing, saves what is indexed and ends the worker. */
  close(): Promise<void>;
}

type Reply = Extract<FromWorker, { type: 'reply' }>;
type Request = { type: 'search'; arg: ApiParsedArg<'search'> } | { type: 'idle' } | { type: 'close' };

/**
 * Starts search for an open notebook. Returns at once: the worker reads the saved index and
 * brings it up to date in the background, so opening the notebook never waits for it.
 */
export function openSearch(store: NotebookStore, options: SearchOptions = {}): SearchService {
  const start = {
    dir: store.dir,
    records: recordsOf(store),
    options: { persist: options.persist ?? true, saveDelayMs: options.saveDelayMs ?? 20_000, maxSaveDelayMs: options.maxSaveDelayMs ?? 120_000 },
  };
  const inProcess = (options.thread ?? (fromSources ? 'in-process' : 'worker')) === 'in-process';
  const worker = inProcess ? startSearchInProcess(start) : startSearchWorker(start);
  // The worker keeps the process alive only while an answer is awaited.
  worker.unref();
  let stats: SearchStats = { articlesRead: 0, loadedFromDisk: false };
  const waiting = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  let lastRequest = 0;
  let failure: Error | null = null;
  let closing = false;
  const post = (message: ToWorker) => worker.postMessage(message);
  /**
   * Changes not yet posted. Posting copies the record on this thread (~0.4 ms for a 20 KB
   * article's tree), so it waits for the next turn, after the write has been answered; and a
   * request flushes them first, so it follows every change told before it.
   */
  let unposted: ToWorker[] = [];
  const flush = () => {
    const changes = unposted;
    unposted = [];
    if (!failure) for (const change of changes) post(change);
  };

  const fail = (error: Error) => {
    failure ??= error;
    console.error('The search worker stopped:', error);
    for (const { reject } of waiting.values()) reject(failure);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (!closing) fail(new Error(`search stopped unexpectedly (exit code ${code})`));
  });
  worker.on('message', (message: FromWorker) => {
    if (message.type === 'read-note') {
      void store
        .readNote(message.noteId)
        .catch(() => null)
        .then((note) => post({ type: 'note', id: message.id, note }));
      return;
    }
    stats = message.stats;
    const request = waiting.get(message.id);
    waiting.delete(message.id);
    if (waiting.size === 0) worker.unref();
    if (message.error !== undefined) request?.reject(new Error(message.error));
    else request?.resolve(message);
  });

  const ask = (request: Request) =>
    new Promise<Reply>((resolve, reject) => {
      if (failure) return reject(failure);
      const id = ++lastRequest;
      waiting.set(id, { resolve, reject });
      worker.ref();
      flush();
      post({ ...request, id });
    });

  const unsubscribe = store.onChange((change) => {
    if (failure) return;
    unposted.push({ type: 'change', change: indexChangeOf(change) });
    if (unposted.length === 1) setImmediate(flush);
  });

  return {
    search: async (arg) => (await ask({ type: 'search', arg })).answer!,
    idle: async () => void (await ask({ type: 'idle' })),
    stats: () => ({ ...stats }),
    async close() {
      unsubscribe();
      if (failure) return;
      closing = true;
      await ask({ type: 'close' });
      await worker.terminate();
    },
  };
}

/** The records the worker compares with its saved index, by their files' stamps. */
function recordsOf(store: NotebookStore): NotebookRecords {
  return {
    articleIds: store.articleMetas().map((meta) => meta.id),
    claimIds: store.claimIds(),
    noteIds: store.noteIds(),
  };
}
