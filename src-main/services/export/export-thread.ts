/**
 * Runs exports in a worker thread (export-worker.ts), started on the first export and left
 * idle between them without keeping the process alive, then stopped once it has had no job for
 * a minute (IDLE_WORKER_MS), which gives back its heap. Before each job every write so far is
 * flushed, so the worker reads the folder as the notebook stands. Built, the worker is its own
 * bundle (see electron.vite.config.ts); from the TypeScript sources it starts through jiti, as
 * the search worker does (start-search-worker.ts).
 */
import type { Worker } from 'node:worker_threads';
import { NotebookError } from '../../common/errors';
import { IDLE_WORKER_MS, startWorker } from '../start-worker';
import type { ExportRunner, ProducedExport } from './export-service';
import type { FromExportWorker, ToExportWorker } from './export-protocol';
import type { ExportPreview } from '../../common/export-schema';
import type { TaggedHighlight } from './report-model';

interface Pending {
  resolve(value: Extract<FromExportWorker, { type: 'done' }>['value']): void;
  reject(error: Error): void;
  onProgress?: (done: number, total: number) => void;
}

export interface WorkerRunnerOptions {
  dir: string;
  /** Resolves once every write so far is on disk. */
  flush: () => Promise<void>;
  now: () => Date;
  /** The store's tagged highlights, sent with a tag scope's job. */
  tagged: () => Promise<readonly TaggedHighlight[]>;
  /** How long a worker without jobs is kept (tests shorten it), and who is told when it is stopped. */
  idleMs?: number;
  onIdleStop?: () => void;
}

export function workerRunner({ dir, flush, now, tagged, idleMs = IDLE_WORKER_MS, onIdleStop }: WorkerRunnerOptions): ExportRunner {
  let worker: Worker | undefined;
  const pending = new Map<number, Pending>();
  let lastId = 0;
  /** Stops a worker left without jobs (see IDLE_WORKER_MS); the next export starts another. */
  let idle: NodeJS.Timeout | undefined;

  const thread = () => {
    if (worker) return worker;
    const started = startWorker(import.meta.url, 'export-worker');
    started.on('message', (message: FromExportWorker) => {
      const job = pending.get(message.id);
      if (!job) return;
      if (message.type === 'progress') return job.onProgress?.(message.done, message.total);
      pending.delete(message.id);
      if (pending.size === 0) {
        started.unref();
        clearTimeout(idle);
        idle = setTimeout(() => {
          if (worker !== started || pending.size > 0) return;
          worker = undefined;
          void started.terminate().then(() => onIdleStop?.());
        }, idleMs);
        idle.unref();
      }
      if (message.type === 'done') job.resolve(message.value);
      else job.reject(new NotebookError(message.error.code, message.error.message));
    });
    // A worker that dies takes its jobs with it; the next export starts a new one.
    // A worker already replaced (stopped when idle, or lost before) has no jobs: those pending are the new one's.
    const lost = (reason: string) => {
      if (worker !== started) return;
      worker = undefined;
      for (const job of pending.values()) job.reject(new NotebookError('internal', `The export stopped: ${reason}.`));
      pending.clear();
    };
    started.on('error', (error) => lost(error.message));
    started.on('exit', (code) => lost(`its thread exited (${code})`));
    worker = started;
    return started;
  };

  async function run(type: 'export' | 'preview', request: Parameters<ExportRunner['export']>[0], onProgress?: Pending['onProgress'], signal?: AbortSignal) {
    await flush();
    const known = request.scope.tags.length > 0 ? { tagged: [...(await tagged())] } : {};
    if (signal?.aborted) throw new NotebookError('cancelled', 'The export was cancelled.');
    const id = ++lastId;
    clearTimeout(idle);
    const running = thread();
    running.ref();
    const done = new Promise<Extract<FromExportWorker, { type: 'done' }>['value']>((resolve, reject) => pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) }));
    const cancel = () => running.postMessage({ type: 'cancel', id } satisfies ToExportWorker);
    signal?.addEventListener('abort', cancel, { once: true });
    running.postMessage({ type, id, dir, request, now: now().toISOString(), ...known } satisfies ToExportWorker);
    try {
      return await done;
    } finally {
      signal?.removeEventListener('abort', cancel);
    }
  }

  return {
    async export(request, onProgress, signal) {
      const value = await run('export', request, onProgress, signal);
      if (value.kind !== 'export') throw new NotebookError('internal', 'The export worker answered a preview to an export.');
      return value.produced satisfies ProducedExport;
    },
    async preview(request) {
      const value = await run('preview', request);
      if (value.kind !== 'preview') throw new NotebookError('internal', 'The export worker answered an export to a preview.');
      return value.preview satisfies ExportPreview;
    },
    async close() {
      clearTimeout(idle);
      await worker?.terminate();
      worker = undefined;
    },
  };
}
