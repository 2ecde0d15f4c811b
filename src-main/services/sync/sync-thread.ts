/**
 * Where a sync's git work runs: the sync worker (sync-worker.ts), one for the process, started
 * on the first sync and serving every open notebook's syncs; idle, it does not keep the process
 * alive, and after a minute it is stopped so that what a large sync left in its heap is given
 * back. The main thread only answers the worker's questions from the notebook and applies what
 * it received (notebook-side.ts). A worker that dies part way fails its syncs in words; the
 * next sync starts a fresh one and carries on from what the repository holds (every git file is
 * written whole: git-fs.ts).
 *
 * The token travels to the worker in a message and lives there in memory only, for one sync.
 * `in-process` runs the same worker code on this thread behind a message channel, over the
 * same messages (for a host that cannot start threads, and tests that are not about the thread).
 */
import type { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../common/api';
import { NotebookError } from '../../common/errors';
import { startInProcess, startWorker, type ThreadEndpoint } from '../start-worker';
import { problemError } from './remote-errors';
import { MERGE_SLICE } from './run-sync';
import type { FromSyncWorker, GitOutcome, NotebookSide, RemoteAccess, SyncFailure, ToSyncWorker } from './sync-protocol';
import { serveSyncs, SYNC_WORKER } from './sync-worker';

export type SyncThreadKind = 'worker' | 'in-process';

export interface SyncThread {
  /** Runs one sync of the repository at `gitdir` with the remote `access` names, answering the worker from `side`. */
  run(gitdir: string, access: RemoteAccess, side: NotebookSide, sliceSize?: number): Promise<GitOutcome>;
  close(): Promise<void>;
}

/** A worker, or a channel to the same code on this thread. */
type Endpoint = Worker | ThreadEndpoint;

/** The worker's code on this thread; its end of the channel does not keep the process alive by itself. */
const inProcess = () =>
  startInProcess((port) => {
    serveSyncs(port);
    port.unref();
  });

/** The error a failed sync ends with, made again on this thread. */
function errorOf(failure: SyncFailure, url: string, kept: Map<number, unknown>): unknown {
  switch (failure.kind) {
    case 'answer':
      return kept.get(failure.ref) ?? new NotebookError('internal', 'The sync failed while the notebook answered it.');
    case 'remote':
      return problemError(failure.problem, url, failure.status);
    case 'notebook':
      return new NotebookError(failure.code as ErrorCode, failure.message);
    case 'bug':
      return Object.assign(new Error(failure.message), failure.stack ? { stack: failure.stack } : {});
  }
}

interface Running {
  url: string;
  side: NotebookSide;
  /** Errors this thread raised while answering, by the ref the worker was given. */
  kept: Map<number, unknown>;
  resolve(outcome: GitOutcome): void;
  reject(error: unknown): void;
}

/** An idle worker is stopped after this long. */
const IDLE_MS = 60_000;

/** One thread of a kind and the syncs it runs, by id. */
class SyncRunner {
  private endpoint: Endpoint | undefined;
  private readonly running = new Map<number, Running>();
  private idle: NodeJS.Timeout | undefined;
  private lastSync = 0;
  private lastRef = 0;

  constructor(private readonly kind: SyncThreadKind) {}

  run(gitdir: string, access: RemoteAccess, side: NotebookSide, sliceSize: number): { sync: number; done: Promise<GitOutcome> } {
    const sync = ++this.lastSync;
    const done = new Promise<GitOutcome>((resolve, reject) => {
      clearTimeout(this.idle);
      let current: Endpoint;
      try {
        current = this.endpoint ??= this.start();
      } catch (error) {
        reject(error);
        return;
      }
      this.running.set(sync, { url: access.url, side, kept: new Map(), resolve, reject });
      current.ref();
      current.postMessage({ type: 'sync', sync, gitdir, access, sliceSize } satisfies ToSyncWorker);
    });
    return { sync, done };
  }

  /** Settles the sync `sync` (if still running) and lets an idle thread go. */
  settle(sync: number, how: (job: Running) => void): void {
    const job = this.running.get(sync);
    this.running.delete(sync);
    if (job) how(job);
    if (this.running.size > 0 || !this.endpoint) return;
    this.endpoint.unref();
    const idle = this.endpoint;
    this.idle = setTimeout(() => {
      if (this.endpoint !== idle) return;
      this.endpoint = undefined;
      void idle.terminate();
    }, IDLE_MS);
    this.idle.unref();
  }

  private start(): Endpoint {
    const started = this.kind === 'in-process' ? inProcess() : startWorker(import.meta.url, 'sync-worker', { workerData: SYNC_WORKER });
    const post = (message: ToSyncWorker) => started.postMessage(message);
    started.on('message', (message: FromSyncWorker) => {
      if (this.endpoint !== started) return;
      if (message.type === 'done') return this.settle(message.sync, (job) => job.resolve(message.outcome));
      if (message.type === 'failed') return this.settle(message.sync, (job) => job.reject(errorOf(message.failure, job.url, job.kept)));
      const job = this.running.get(message.sync);
      const ref = ++this.lastRef;
      // A sync given up here (its notebook closed) is refused, so that it ends in the worker too.
      if (!job) return post({ type: 'refused', id: message.id, ref });
      const answer = (job.side[message.call] as (...args: unknown[]) => Promise<unknown>)(...message.args);
      answer.then(
        (value) => post({ type: 'answer', id: message.id, value }),
        (error: unknown) => {
          job.kept.set(ref, error);
          post({ type: 'refused', id: message.id, ref });
        },
      );
    });
    const lost = (why: string) => {
      if (this.endpoint !== started) return;
      this.endpoint = undefined;
      for (const sync of [...this.running.keys()]) this.settle(sync, (job) => job.reject(new NotebookError('internal', `The sync stopped: ${why}. Sync again to carry on.`)));
    };
    started.on('error', (error: Error) => lost(error.message));
    started.on('exit', (code: number) => lost(`its thread exited (${code})`));
    return started;
  }
}

const runners = new Map<SyncThreadKind, SyncRunner>();

/** The syncs of one notebook, run one at a time on the process's thread of `kind`. */
export function syncThread(kind: SyncThreadKind = 'worker'): SyncThread {
  let current: number | undefined;
  const runner = () => {
    let found = runners.get(kind);
    if (!found) runners.set(kind, (found = new SyncRunner(kind)));
    return found;
  };
  return {
    async run(gitdir, access, side, sliceSize = MERGE_SLICE) {
      if (current !== undefined) throw new Error('One sync at a time: the sync service waits for the running one.');
      const { sync, done } = runner().run(gitdir, access, side, sliceSize);
      current = sync;
      try {
        return await done;
      } finally {
        current = undefined;
      }
    },
    async close() {
      // The thread serves other notebooks: only this notebook's sync is given up.
      if (current !== undefined) runner().settle(current, (job) => job.reject(new NotebookError('cancelled', 'The notebook was closed during this sync.')));
    },
  };
}
