/**
 * The notebook shared through a git remote, as the window and the command line use it:
 * share it (connect it to a remote: an empty remote receives this notebook; one that already
 * holds a shared notebook is merged with it, record by record, so joining is the same call),
 * sync it (one at a time; also every few minutes and when the notebook closes), and say where
 * it stands. The last sync's state is kept in the repository (`.git/marginalia-sync.json`).
 * The git work runs in the sync worker (sync-thread.ts); this thread answers it from the notebook.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from '../../common/zod';
import type { NotebookHandlers } from '../../common/api';
import { NotebookError } from '../../common/errors';
import type { SyncResult, SyncState, SyncStatus } from '../../common/sync-schema';
import type { NotebookStore } from '../../store/notebook-store';
import type { Committer } from '../commit';
import type { CredentialStore } from './credentials';
import { gitFs } from './git-fs';
import { OfflineError, problemOf } from './remote-errors';
import { notebookSide } from './notebook-side';
import { recordHistory, restoreChange } from './record-history';
import { isShared, SharedHistory } from './shared-history';
import { syncThread, type SyncThreadKind } from './sync-thread';
import git from 'isomorphic-git';
import type { CommittedRecord } from '../damaged/good-copies';
import type { RecordContent } from '../synced-folder/record-files';
import { readBlobRecord } from './remote-records';
import { recordPath } from './shared-records';

type SyncHandlers = Pick<NotebookHandlers, 'getSyncStatus' | 'shareNotebook' | 'syncNotebook' | 'setSyncCredentials' | 'getRecordHistory' | 'restoreVersion'>;

export interface SyncService extends SyncHandlers {
  /** The record as this notebook's last commit holds it; undefined when not shared or not there. */
  committedRecord: CommittedRecord;
  /** Stops the timer; with `finalSync`, first sends what changed (if the remote answers). */
  close(finalSync: boolean): Promise<void>;
}

const STATE_FILE = 'marginalia-sync.json';
/** How long closing waits for its last sync. */
const CLOSING_SYNC_MS = 10_000;
/** How soon after opening a shared notebook it syncs by itself. */
const FIRST_SYNC_MS = 5_000;
const stateSchema = z.object({
  state: z.enum(['up-to-date', 'changes-to-send', 'syncing', 'offline', 'error']),
  lastSyncAt: z.string().optional(),
  conflicts: z.number().optional(),
  message: z.string().optional(),
  problem: z.enum(['offline', 'credentials', 'no-repository']).optional(),
});
type KeptState = z.infer<typeof stateSchema>;

export interface SyncOptions {
  credentials: CredentialStore;
  /** Sync every this many ms while shared (0: never by itself). */
  everyMs?: number;
  /** Where the git work runs (default: the sync worker). */
  thread?: SyncThreadKind;
  /** Records merged per step of the write queue (default: run-sync.ts's MERGE_SLICE; tests make it small). */
  mergeSlice?: number;
}

export function createSync(store: NotebookStore, writes: Committer, now: () => Date, options: SyncOptions): SyncService {
  const history = new SharedHistory(store, writes, now);
  const thread = syncThread(options.thread);
  const statePath = () => join(history.gitdir, STATE_FILE);
  let kept: KeptState | undefined;
  let running: Promise<SyncResult> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const readKept = async (): Promise<KeptState | undefined> => {
    if (kept) return kept;
    try {
      kept = stateSchema.parse(JSON.parse(await readFile(statePath(), 'utf8')));
    } catch {
      kept = undefined;
    }
    return kept;
  };
  const keep = async (state: KeptState) => {
    kept = state;
    await gitFs.promises.writeFile(statePath(), JSON.stringify(state));
  };

  async function sync(): Promise<SyncResult> {
    // A sync writes what it brings into the folder (and its repository): none on a read-only one.
    if (store.readOnly) throw new NotebookError('storage', store.readOnly);
    if (!isShared(store.dir)) throw new NotebookError('invalid_argument', 'This notebook is not shared yet: use “Share through git…” first.');
    if (running) return running;
    running = (async () => {
      const remote = await history.remote();
      if (!remote) throw new NotebookError('invalid_argument', 'This notebook has no remote: use “Share through git…” to set one.');
      const previous = await readKept();
      kept = { ...previous, state: 'syncing' };
      try {
        const auth = await options.credentials.get(remote);
        const session = notebookSide(history);
        const result = session.result(await thread.run(history.gitdir, { url: remote, ...(auth ? { auth } : {}) }, session.side, options.mergeSlice));
        await keep({ state: 'up-to-date', lastSyncAt: now().toISOString(), conflicts: result.conflicts });
        return result;
      } catch (error) {
        const state: SyncState = error instanceof OfflineError ? 'offline' : 'error';
        const problem = problemOf(error);
        const { problem: _before, ...rest } = previous ?? {};
        await keep({ ...rest, state, message: error instanceof Error ? error.message : String(error), ...(problem ? { problem } : {}) }).catch(() => undefined);
        throw error;
      }
    })();
    try {
      return await running;
    } finally {
      running = undefined;
    }
  }

  let first: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (timer || !options.everyMs || !isShared(store.dir) || store.readOnly) return;
    timer = setInterval(() => void sync().catch(() => undefined), options.everyMs);
    timer.unref();
  };
  if (options.everyMs && isShared(store.dir) && !store.readOnly) {
    // Soon after opening: sends what changed while closed, and finishes a sync the last session
    // was stopped in the middle of.
    first = setTimeout(() => void sync().catch(() => undefined), Math.min(options.everyMs, FIRST_SYNC_MS));
    first.unref();
  }
  schedule();

  return {
    async getSyncStatus(): Promise<SyncStatus> {
      if (!isShared(store.dir)) return { shared: false };
      const [remote, author, state, unsent] = await Promise.all([history.remote(), history.author(), readKept(), store.unsent.read()]);
      const pending = unsent.paths.size;
      const shown: SyncState = running ? 'syncing' : state?.state === 'offline' || state?.state === 'error' ? state.state : pending > 0 || !state ? 'changes-to-send' : 'up-to-date';
      return {
        shared: true,
        ...(remote ? { remote } : {}),
        state: shown,
        pending,
        author,
        ...(state?.lastSyncAt ? { lastSyncAt: state.lastSyncAt } : {}),
        ...(state?.conflicts ? { conflicts: state.conflicts } : {}),
        ...(state?.message && (shown === 'offline' || shown === 'error') ? { message: state.message, ...(state.problem ? { problem: state.problem } : {}) } : {}),
      };
    },

    async shareNotebook({ remote, username, token, authorName, authorEmail }) {
      if (store.readOnly) throw new NotebookError('storage', store.readOnly);
      const author = { name: authorName, ...(authorEmail ? { email: authorEmail } : {}) };
      if (isShared(store.dir)) {
        const current = await history.remote();
        // Until a first sync succeeded (a mistyped address, a remote that refused), another
        // remote may be given; after it, the notebook's history belongs to that remote.
        const synced = (await readKept())?.lastSyncAt !== undefined;
        if (current && current !== remote && synced) throw new NotebookError('invalid_argument', `This notebook is already shared through ${current}.`);
        await history.configure(remote, author);
      } else {
        await history.create(remote, author);
      }
      if (token) await options.credentials.set(remote, { token, ...(username ? { username } : {}) });
      schedule();
      return sync();
    },

    syncNotebook: () => sync(),

    async committedRecord(kind, id) {
      if (!isShared(store.dir)) return undefined;
      const head = await history.head();
      if (head === null) return undefined;
      const path = recordPath(kind, id);
      const oid = (await history.readTree(head)).get(path);
      if (!oid) return undefined;
      const shared = await readBlobRecord(history, path, oid);
      if (shared.kind !== kind) return undefined;
      const { commit } = await git.readCommit({ fs: gitFs, gitdir: history.gitdir, oid: head, cache: history.cache });
      const content = { kind: shared.kind, id, record: shared.record } as RecordContent;
      return { content, commit: head, at: new Date(commit.committer.timestamp * 1000).toISOString() };
    },

    async setSyncCredentials({ username, token }) {
      const remote = isShared(store.dir) ? await history.remote() : undefined;
      if (!remote) throw new NotebookError('invalid_argument', 'This notebook is not shared yet: use “Share through git…” first.');
      await options.credentials.set(remote, { token, ...(username ? { username } : {}) });
      return null;
    },

    async getRecordHistory({ kind, id }) {
      return isShared(store.dir) ? recordHistory(history, kind, id) : [];
    },

    restoreVersion: ({ kind, id, commit }) =>
      writes.commit(async () => {
        if (!isShared(store.dir)) throw new NotebookError('invalid_argument', 'This notebook is not shared: it has no history to restore from.');
        const { label, changes } = await restoreChange(history, kind, id, commit);
        return { label, changes, result: { label } };
      }),

    async close(finalSync) {
      if (timer) clearInterval(timer);
      if (first) clearTimeout(first);
      timer = undefined;
      if (running) await running.catch(() => undefined);
      // A remote that hangs (rather than refusing) must not hold the app open: what is not sent
      // now is sent at the next sync, from unsent.log.
      if (finalSync && isShared(store.dir) && !store.readOnly) {
        let limit: NodeJS.Timeout | undefined;
        await Promise.race([sync().catch(() => undefined), new Promise<void>((resolve) => (limit = setTimeout(resolve, CLOSING_SYNC_MS)))]);
        clearTimeout(limit);
      }
      // A closing sync still running after its time is given up: the worker's next question is
      // refused and it stops there, leaving the repository as a killed sync would; the next sync carries on.
      await thread.close();
    },
  };
}
