/**
 * The sync worker's entry (built as out/main/sync-worker.js): runs each sync's git work —
 * committing, fetching, reading what the remote changed, packing and pushing — off the main
 * thread, so that a sync of ten thousand records never holds up the window's reads and writes
 * (sync-thread.ts starts it). It writes only inside the repository (`.git`); the notebook's
 * records are read and written by the main thread, which it asks through `NotebookSide`.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { NotebookError } from '../../common/errors';
import { GitHistory } from './git-history';
import { CredentialsError, problemOf } from './remote-errors';
import { runSync } from './run-sync';
import type { FromSyncWorker, NotebookCall, NotebookSide, SyncFailure, ToSyncWorker } from './sync-protocol';

/** The main thread could not answer; it keeps the error, named by `ref`, and throws it again when the sync fails with it. */
class AnswerRefused extends Error {
  constructor(readonly ref: number) {
    super('The notebook could not answer the sync.');
  }
}

function failureOf(error: unknown): SyncFailure {
  if (error instanceof AnswerRefused) return { kind: 'answer', ref: error.ref };
  const problem = problemOf(error);
  if (problem) return { kind: 'remote', problem, ...(error instanceof CredentialsError ? { status: error.status } : {}) };
  if (error instanceof NotebookError) return { kind: 'notebook', code: error.code, message: error.message };
  return error instanceof Error ? { kind: 'bug', message: error.message, ...(error.stack ? { stack: error.stack } : {}) } : { kind: 'bug', message: String(error) };
}

/** Runs the syncs the main thread asks for on `port` (one per notebook at a time). */
export function serveSyncs(port: MessagePort): void {
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let lastId = 0;
  const post = (message: FromSyncWorker) => port.postMessage(message);
  /** The notebook of the sync `sync`, asked over the port. */
  const notebookOf = (sync: number): NotebookSide => {
    const ask =
      <K extends NotebookCall>(call: K) =>
      (...args: Parameters<NotebookSide[K]>) =>
        new Promise<Awaited<ReturnType<NotebookSide[K]>>>((resolve, reject) => {
          const id = ++lastId;
          waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
          post({ type: 'ask', sync, id, call, args });
        });
    return { unsent: ask('unsent'), allPaths: ask('allPaths'), records: ask('records'), merge: ask('merge'), markSent: ask('markSent'), now: ask('now') };
  };
  port.on('message', (message: ToSyncWorker) => {
    if (message.type === 'sync') {
      const { sync } = message;
      void runSync(new GitHistory(message.gitdir), notebookOf(sync), message.access, message.sliceSize).then(
        (outcome) => post({ type: 'done', sync, outcome }),
        (error: unknown) => post({ type: 'failed', sync, failure: failureOf(error) }),
      );
      return;
    }
    const asked = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.type === 'answer') asked?.resolve(message.value);
    else asked?.reject(new AnswerRefused(message.ref));
  });
}

/** What the main thread starts this worker with, so that importing the module elsewhere serves nothing. */
export const SYNC_WORKER = 'marginalia-sync-worker';

// Run as the sync worker thread (not merely imported in some other thread).
if (parentPort && workerData === SYNC_WORKER) serveSyncs(parentPort);
