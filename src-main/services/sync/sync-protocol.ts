/**
 * The messages between the main thread and the sync worker (see sync-thread.ts). The worker
 * does the git work and asks the main thread, through `NotebookSide`, for what only the
 * notebook knows (what changed, the records as they are now) and to take in what it received
 * through the one write path.
 */
import type { SyncProblem } from '../../common/sync-schema';
import type { IncomingRecords } from '../exchange/merge-plan';
import type { SharedRecord } from './shared-records';

/** What the sync worker asks of the notebook it syncs. */
export interface NotebookSide {
  /** The paths unsent.log notes (without repeats), how many lines that was, and whether every record must be compared. */
  unsent(): Promise<{ paths: string[]; lines: number; all: boolean }>;
  /** Every record path the notebook holds now. */
  allPaths(): Promise<string[]>;
  /**
   * The record at each path as the notebook holds it now. Records, not their shared text: the
   * worker writes the text (keys sorted, indented), which at 32 articles a question was ~40 ms
   * of the window's thread, and its garbage more.
   */
  records(paths: string[]): Promise<CurrentRecord[]>;
  /** Merges one slice of what the remote changed, as one step of the write queue; says how much it took in. */
  merge(incoming: IncomingRecords): Promise<{ received: number; conflicts: number }>;
  /** Takes back the first `lines` of unsent.log: a commit now holds them. */
  markSent(lines: number): Promise<void>;
  /** The notebook's clock, in ms (tests pin it), for the time of a commit. */
  now(): Promise<number>;
}

/**
 * A record as the notebook holds it now; `null` when it holds none (it was
 * deleted); `setAside` when its file was set aside as damaged (see store/damaged-files.ts) —
 * nobody deleted it, so the shared version must stay as it is.
 */
export type CurrentRecord = SharedRecord | null | { setAside: true };

export type NotebookCall = keyof NotebookSide;

/** A remote and how to sign in to it: the token lives in memory only, in both threads. */
export interface RemoteAccess {
  url: string;
  auth?: { username?: string; token: string };
}

/** What the git side of one sync did; the main thread adds what the merge took in. */
export interface GitOutcome {
  sent: number;
  retries: number;
}

/** A failed sync as it crosses the threads. */
export type SyncFailure =
  /** An error the main thread raised while answering: it rethrows its own error object. */
  | { kind: 'answer'; ref: number }
  | { kind: 'remote'; problem: SyncProblem; status?: number }
  | { kind: 'notebook'; code: string; message: string }
  | { kind: 'bug'; message: string; stack?: string };

/** `sync` tells apart the syncs one worker runs at once (one per open notebook); `id`, the questions. */
export type ToSyncWorker =
  | { type: 'sync'; sync: number; gitdir: string; access: RemoteAccess; sliceSize: number }
  | { type: 'answer'; id: number; value: unknown }
  /** The main thread could not answer: `ref` names the error it kept. */
  | { type: 'refused'; id: number; ref: number };

export type FromSyncWorker =
  | { type: 'ask'; sync: number; id: number; call: NotebookCall; args: unknown[] }
  | { type: 'done'; sync: number; outcome: GitOutcome }
  | { type: 'failed'; sync: number; failure: SyncFailure };
