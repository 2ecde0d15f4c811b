/**
 * Names of files that changed in a few flat folders, handed over in batches once a burst of
 * events has settled, one batch at a time.
 *
 * Node's `fs.watch`, one watcher per folder, rather than chokidar: the record folders are flat,
 * so none of chokidar's recursion, directory bookkeeping or ignore rules is needed, and chokidar 4
 * (which dropped its bundled fsevents) is itself built on the same per-folder `fs.watch` unless
 * told to poll (inotify on Linux, ReadDirectoryChangesW on Windows, FSEvents on macOS). Polling
 * is what a network share would need, as no OS reports changes another machine makes there; but
 * it stats every file, 10,000 of them in a large notebook, so it is not done here. A batch only
 * names files and the caller reads each: a duplicated event costs a read, and a file written in
 * steps is read again on its next event.
 */
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/** Names seen changing (created, written, renamed or removed), by folder. */
export type ChangedNames = Map<string, Set<string>>;

export interface WatchOptions {
  /** How long events must pause before a batch is handed over (ms). */
  quietMs?: number;
  /** The longest a name waits under a steady stream of events (ms). */
  maxWaitMs?: number;
}

export interface FolderWatch {
  /** Stops watching, and resolves once the batch being handled (if any) is done. */
  close(): Promise<void>;
}

/** Sync services write a file in a few steps (temp file, rename, times): a short pause ends a burst. */
const QUIET_MS = 150;
const MAX_WAIT_MS = 2_000;

export function watchFolders(root: string, folders: readonly string[], onBatch: (changed: ChangedNames) => Promise<void>, options: WatchOptions = {}): FolderWatch {
  const quietMs = options.quietMs ?? QUIET_MS;
  const maxWaitMs = options.maxWaitMs ?? MAX_WAIT_MS;
  let pending: ChangedNames = new Map();
  let timer: NodeJS.Timeout | undefined;
  let firstPendingAt = 0;
  let handling: Promise<void> = Promise.resolve();
  let closed = false;

  const handOver = () => {
    timer = undefined;
    const batch = pending;
    pending = new Map();
    // One batch at a time: events that arrive meanwhile gather into the next.
    handling = handling
      .then(() => (closed ? undefined : onBatch(batch)))
      .catch((error: unknown) => console.error('[marginalia] could not take in files changed in the notebook folder:', error));
  };

  const note = (folder: string, name: string) => {
    if (closed) return;
    let names = pending.get(folder);
    if (!names) pending.set(folder, (names = new Set()));
    names.add(name);
    const now = Date.now();
    if (timer === undefined) firstPendingAt = now;
    else clearTimeout(timer);
    timer = setTimeout(handOver, Math.max(0, Math.min(quietMs, firstPendingAt + maxWaitMs - now)));
    // Watching never keeps the process alive (a command-line run ends when its work does).
    timer.unref();
  };

  const watchers: FSWatcher[] = folders.map((folder) => {
    const watcher = watch(join(root, folder), { persistent: false }, (_event, name) => {
      // Linux, Windows and macOS give the name; a platform that does not gives nothing to read.
      if (name) note(folder, name.toString());
    });
    watcher.on('error', (error) => {
      if (!closed) console.error(`[marginalia] stopped watching ${join(root, folder)} for changes:`, error);
    });
    return watcher;
  });

  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      await handling;
    },
  };
}
