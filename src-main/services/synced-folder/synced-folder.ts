/**
 * A notebook folder that lives in Dropbox, OneDrive, Syncthing or on a network share: record
 * files changed from outside are taken in (outside-changes.ts) — while the notebook is open, as
 * the watcher sees them, and on open, those changed while it was closed (file-stamps.ts) — and
 * the conflict copies sync services make are merged into their records, on open and as they
 * arrive (merge-conflict-copies.ts). Says so when the folder is open on another machine too.
 */
import { readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { QuarantinedFile } from '../../common/model';
import { recordFilePattern } from '../../common/record-ids';
import { conflictCopyOf } from '../../store/conflict-copies';
import type { LockOwner } from '../../store/folder-lock';
import type { NotebookStore } from '../../store/notebook-store';
import type { Committer } from '../commit';
import { loadStamps, saveStamps, stampFiles, stampsPath } from './file-stamps';
import { conflictCopies, type ConflictCopyFile } from './merge-conflict-copies';
import { outsideChanges, type RecordFileEvent } from './outside-changes';
import { RECORD_FOLDERS } from './record-files';
import { watchFolders, type ChangedNames, type WatchOptions } from './watch-folders';

export interface SyncedFolder {
  /** Conflict copies that could not be read, set aside since open. */
  readonly setAside: readonly QuarantinedFile[];
  /** What the person should know (the notebook is open on another machine too). */
  readonly warnings: readonly string[];
  /** Resolves once the record files changed while the notebook was closed are taken in. */
  caughtUp(): Promise<void>;
  /** Stops watching, once what is being taken in is committed. */
  close(): Promise<void>;
}

export interface SyncedFolderOptions {
  now: () => Date;
  /** The owner of the folder's lock when it was another machine's (see store/folder-lock.ts). */
  openElsewhere?: LockOwner | null;
  /** How the watcher batches events (tests make it quick). */
  watch?: WatchOptions;
  /** How often what is known of the files is saved while open, when something was learnt. */
  saveStampsEveryMs?: number;
}

/** Saved now and then, so that after a crash few files are read again on open. */
const SAVE_STAMPS_EVERY_MS = 60_000;

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
    // Once per folder: on open this sorts every file (a pattern built and a path joined per
    // name took 135 ms at 50,000 articles).
    const recordFile = recordFilePattern(kind);
    const inFolder = join(dir, folder) + sep;
    for (const name of [...(changed.get(folder) ?? [])].sort()) {
      if (recordFile.test(name)) {
        records.push({ kind, id: name.slice(0, -'.json'.length), path: inFolder + name });
        continue;
      }
      const copy = conflictCopyOf(name, kind);
      if (copy) copies.push({ kind, folder, name, recordId: copy.recordId });
    }
  }
  return { records, copies };
}

/** Every name in the record folders. */
async function listRecordFolders(dir: string): Promise<ChangedNames> {
  const names: ChangedNames = new Map();
  for (const { folder } of RECORD_FOLDERS) names.set(folder, new Set(await readdir(join(dir, folder)).catch(() => [] as string[])));
  return names;
}

/**
 * Starts watching the record folders, and takes in what changed while the notebook was closed:
 * record files that differ from what this machine last knew of them, then conflict copies.
 */
export async function openSyncedFolder(store: NotebookStore, writes: Committer, options: SyncedFolderOptions): Promise<SyncedFolder> {
  const stamps = stampsPath(store.dir);
  const outside = outsideChanges(store, writes);
  // Read beside the window's first calls rather than before them (~260 ms at 50,000 articles);
  // nothing is taken in, and no stamp saved, before they are known.
  const remembered = loadStamps(stamps).then((files) => outside.remember(files));
  const copies = conflictCopies(store, writes, options.now);
  // Watching starts before what is already there is looked at, so nothing arriving meanwhile is missed.
  const watch = watchFolders(
    store.dir,
    RECORD_FOLDERS.map(({ folder }) => folder),
    async (changed) => {
      await remembered;
      const { records, copies: arrived } = sortOut(store.dir, changed);
      // Record files first, so a copy merges into what the record has become.
      await outside.take(records);
      for (const copy of arrived) await copies.merge(copy, 'retry');
    },
    options.watch,
  );
  const there = sortOut(store.dir, await listRecordFolders(store.dir));
  const catchUp = async () => {
    const found = await stampFiles(there.records);
    await remembered;
    await outside.take(await outside.changedSince(found), 'set-aside');
  };
  let caughtUp: Promise<void>;
  if (there.copies.length > 0) {
    await catchUp();
    for (const copy of there.copies) await copies.merge(copy, 'set-aside');
    caughtUp = Promise.resolve();
  } else {
    // Nothing to merge into: a stat of every file (~150 ms at 10,000 articles) need not stand
    // before the window's first answers. Each file taken in reaches the windows as a change.
    caughtUp = catchUp().catch((error: unknown) => console.error('[marginalia] could not take in the files changed while the notebook was closed:', error));
  }

  const save = async () => {
    await remembered;
    try {
      if (outside.learnt) await saveStamps(stamps, await outside.known());
    } catch (error) {
      // Only costs reading files again on the next open.
      console.warn(`[marginalia] could not save ${stamps}:`, error);
    }
  };
  let saving = Promise.resolve();
  const timer = setInterval(() => {
    saving = saving.then(save);
  }, options.saveStampsEveryMs ?? SAVE_STAMPS_EVERY_MS);
  timer.unref();
  return {
    setAside: copies.setAside,
    warnings: options.openElsewhere ? [openElsewhereWarning(options.openElsewhere)] : [],
    caughtUp: () => caughtUp,
    async close() {
      clearInterval(timer);
      await caughtUp;
      await watch.close();
      outside.stop();
      await saving;
      await save();
    },
  };
}
