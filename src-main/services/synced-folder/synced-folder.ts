/**
 * A notebook folder that lives in Dropbox, OneDrive, Syncthing or on a network share: while the
 * notebook is open, record files changed from outside are taken in (outside-changes.ts), and
 * the conflict copies sync services make are merged into their records, on open and as they
 * arrive (merge-conflict-copies.ts). Says so when the folder is open on another machine too.
 */
import { join } from 'node:path';
import type { QuarantinedFile } from '../../common/model';
import { recordFilePattern } from '../../common/record-ids';
import { conflictCopyOf } from '../../store/conflict-copies';
import type { LockOwner } from '../../store/folder-lock';
import type { NotebookStore } from '../../store/notebook-store';
import type { Committer } from '../commit';
import { conflictCopies, type ConflictCopyFile } from './merge-conflict-copies';
import { outsideChanges, type RecordFileEvent } from './outside-changes';
import { RECORD_FOLDERS } from './record-files';
import { watchFolders, type ChangedNames, type WatchOptions } from './watch-folders';

export interface SyncedFolder {
  /** Conflict copies that could not be read, set aside since open. */
  readonly setAside: readonly QuarantinedFile[];
  /** What the person should know (the notebook is open on another machine too). */
  readonly warnings: readonly string[];
  /** Stops watching, once what is being taken in is committed. */
  close(): Promise<void>;
}

export interface SyncedFolderOptions {
  now: () => Date;
  /** The owner of the folder's lock when it was another machine's (see store/folder-lock.ts). */
  openElsewhere?: LockOwner | null;
  /** How the watcher batches events (tests make it quick). */
  watch?: WatchOptions;
}

/** The sentence that says a colleague has the notebook open too. */
export function openElsewhereWarning(owner: LockOwner): string {
  const taken = owner.since === undefined ? Number.NaN : Date.parse(owner.since);
  const since = Number.isNaN(taken) ? '' : ` (since ${new Date(taken).toISOString().slice(0, 16).replace('T', ' ')} UTC)`;
  return (
    `This notebook is also open on ${owner.host ?? 'another computer'}${since}. When two people edit at once through a synced folder, ` +
    'the sync service may keep both versions of a file as a conflict copy; Marginalia merges them, and keeps the version that loses in its conflict history.'
  );
}

/** The record files and conflict copies among the names a batch reports, by folder. */
function sortOut(dir: string, changed: ChangedNames): { records: RecordFileEvent[]; copies: ConflictCopyFile[] } {
  const records: RecordFileEvent[] = [];
  const copies: ConflictCopyFile[] = [];
  for (const { kind, folder } of RECORD_FOLDERS) {
    for (const name of changed.get(folder) ?? []) {
      if (recordFilePattern(kind).test(name)) {
        records.push({ kind, id: name.slice(0, -'.json'.length), path: join(dir, folder, name) });
        continue;
      }
      const copy = conflictCopyOf(name, kind);
      if (copy) copies.push({ kind, folder, name, recordId: copy.recordId });
    }
  }
  return { records, copies };
}

/** Starts watching the record folders and merges the conflict copies already there. */
export async function openSyncedFolder(store: NotebookStore, writes: Committer, options: SyncedFolderOptions): Promise<SyncedFolder> {
  const outside = outsideChanges(store, writes);
  const copies = conflictCopies(store, writes, options.now);
  // Watching starts before the copies already there are merged, so one arriving meanwhile is not missed.
  const watch = watchFolders(
    store.dir,
    RECORD_FOLDERS.map(({ folder }) => folder),
    async (changed) => {
      const { records, copies: arrived } = sortOut(store.dir, changed);
      // Record files first, so a copy merges into what the record has become.
      await outside.take(records);
      for (const copy of arrived) await copies.merge(copy, 'retry');
    },
    options.watch,
  );
  await copies.mergeAll();
  return {
    setAside: copies.setAside,
    warnings: options.openElsewhere ? [openElsewhereWarning(options.openElsewhere)] : [],
    async close() {
      await watch.close();
      outside.stop();
    },
  };
}
