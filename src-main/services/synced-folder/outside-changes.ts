/**
 * Record files changed from outside while the notebook is open — a colleague's edit arriving
 * through Dropbox, a file restored by hand — taken into the notebook through the one write path,
 * so the metadata cache, the search index and every window follow as after any change.
 *
 * The store's own writes reach the watcher too. The store tells its listeners of each record it
 * writes; `known` remembers that version and the file it left (size and modification time).
 * A file that is still that file is ours and is not even read: reading and checking a large
 * article (16 ms for 450 KB) costs more than writing it, and a tag renamed across the library
 * writes thousands.
 * A file that is not is read, and left alone if it holds the version we wrote: Marginalia gives
 * every edit a new revision, so an edit made on another machine never looks like ours.
 *
 * A changed file whose version this machine does not know is taken in whatever it holds, even
 * when the store reads the same from it: the store may not have held that record in memory, in
 * which case it just read the new file, while its index and the search index still describe the
 * old one. Taking it in writes it once, after which it is known — so two machines that both take
 * in a file end there, instead of rewriting it for each other through the sync service forever.
 *
 * What is known outlives the session (file-stamps.ts): on open, `changedSince` finds the files
 * changed while the notebook was closed, which are taken in the same way.
 *
 * The file is the truth: it replaces the store's record (no merge; two versions of one record
 * arrive as a conflict copy, see merge-conflict-copies.ts). A file that does not read as a valid
 * record — half written, or from a newer Marginalia — is skipped while the notebook is open:
 * the next event for it tries again. One found so on open, changed while the notebook was
 * closed, is set aside (see `take`).
 */
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { timeSlices } from '../../store/event-loop-turns';
import type { Change } from '../../store/notebook-files';
import type { NotebookStore } from '../../store/notebook-store';
import { UnreadableFileError } from '../../store/validated-json-file';
import type { Committer, SetAsideRecord } from '../commit';
import { stampKey, stampOf, type FileStamp, type FoundFile, type KnownFile } from './file-stamps';
import { changeBetween, heldRecord, readRecordFile, recordFilePath, storeHas, versionOf, versionWritten, type FolderKind, type RecordContent } from './record-files';

/** A record file the watcher saw change. */
export interface RecordFileEvent {
  kind: FolderKind;
  id: string;
  path: string;
}

const OUTSIDE_CHANGE_LABEL = 'Changed outside Marginalia';

/** Files looked at together and taken in per commit, so a large batch lets other writes through between. */
const PER_COMMIT = 50;

/** What a record file holds now, against what this machine last wrote to it or read from it. */
type Reading = { kind: 'same' } | { kind: 'unreadable'; error?: UnreadableFileError } | { kind: 'file'; content: RecordContent | null };

export interface OutsideChanges {
  /**
   * Takes in the files of `events` that changed from outside (one commit per few dozen files).
   * `damaged: 'set-aside'` (on open) sets aside a file that does not read as a valid record and
   * drops its record; `'retry'` (while open, when a sync service may be midway through a file)
   * leaves it for the next event.
   */
  take(events: readonly RecordFileEvent[], damaged?: 'set-aside' | 'retry'): Promise<void>;
  /**
   * The files among `found` (every record file, on open) that changed since the last session
   * knew them; files it did not know are known from now on as they are.
   */
  changedSince(found: readonly FoundFile[]): Promise<RecordFileEvent[]>;
  /** What is known of each record file now, to save for the next session (see file-stamps.ts). */
  known(): Promise<Map<string, KnownFile>>;
  /**
   * Takes in what the last session knew (file-stamps.ts), for the files this session has not
   * written yet. Called once, before the first `take` or `changedSince`: the stamps are read while
   * the notebook answers its first calls, and what the store writes meanwhile is newer.
   */
  remember(lastSession: ReadonlyMap<string, KnownFile>): void;
  /** True when something was learnt since the last call to `known`. */
  readonly learnt: boolean;
  /** Stops following the store's writes. */
  stop(): void;
}

/** What is known of a file: the version of the record in it and its stamp, when known. */
interface Known {
  readonly version: string | null | undefined;
  file: Promise<FileStamp | null>;
}

export function outsideChanges(store: NotebookStore, writes: Committer): OutsideChanges {
  /**
   * The version of each record the store last wrote (null: it removed it), and the file that
   * write left, by kind and id; or what the last session knew of it. The file is looked at just
   * after the write: an outside write landing in that instant would pass for ours, a risk taken
   * to keep the store's writes cheap.
   */
  const known = new Map<string, Known>();
  // What the last session knew and nothing since replaced: only such an entry can be found gone
  // by `changedSince`. One the store wrote after the folder was listed is in no listing yet.
  const fromLastSession = new WeakSet<Known>();
  let learnt = false;
  const learn = (key: string, entry: Known) => {
    known.set(key, entry);
    learnt = true;
  };
  const stop = store.onChange((change) => {
    const version = versionWritten(change);
    const file = version === null ? null : (change.stamp ?? stampOf(recordFilePath(store.dir, change.kind, change.id)));
    learn(stampKey(change.kind, change.id), {
      get version() {
        return version && version();
      },
      file: Promise.resolve(file),
    });
  });

  async function read({ kind, id, path }: RecordFileEvent): Promise<Reading> {
    const written = known.get(stampKey(kind, id));
    const now = await stampOf(path);
    // Unchanged since this machine wrote it, or since open found it as the last session left it.
    if (written && written.version !== null && now !== null && now === (await written.file)) return { kind: 'same' };
    let content: RecordContent | null;
    try {
      content = await readRecordFile(path, kind);
    } catch (error) {
      if (error instanceof UnreadableFileError) return { kind: 'unreadable', error };
      throw error;
    }
    if (content === null) {
      // A folder that went away (an unmounted share) says nothing about its records.
      const folderThere = await stat(dirname(path)).then(
        () => true,
        () => false,
      );
      return folderThere && storeHas(store, kind, id) ? { kind: 'file', content: null } : { kind: 'same' };
    }
    if (content.id !== id) {
      console.warn(`[marginalia] ${path} holds the record ${content.id}, not ${id}: left as it is.`);
      return { kind: 'unreadable' };
    }
    if (written?.version !== versionOf(content)) return { kind: 'file', content };
    // The version known, in a file touched or put back by a sync service: known as it is now.
    if (now !== null) learn(stampKey(kind, id), { version: written.version, file: Promise.resolve(now) });
    return { kind: 'same' };
  }

  /** The change that takes in the file as it is now; null when there is nothing to take in. */
  async function changeFor(event: RecordFileEvent): Promise<Change | null> {
    const reading = await read(event);
    if (reading.kind !== 'file') return null;
    const held = await heldRecord(store, event.kind, event.id);
    // When the file is gone and the store did not hold the record in memory, looking for it has
    // already dropped it from the index: the change (from nothing to nothing) still tells the windows.
    return changeBetween(event.kind, event.id, held, reading.content);
  }

  /**
   * Files changed while the notebook was closed that are not valid records: served from the
   * index, a damaged claim was lost with the index at its next rebuild. Each is set aside with
   * its record dropped — a newer Marginalia's left where it is — unless it changed again since.
   */
  async function setAside(files: readonly { event: RecordFileEvent; error: UnreadableFileError }[]): Promise<void> {
    await writes.setAside(async () => {
      const gone: SetAsideRecord[] = [];
      for (const { event, error } of files) {
        if ((await read(event)).kind !== 'unreadable') continue;
        await store.setAsideRecord(event.kind, event.id, error);
        gone.push({ kind: event.kind, id: event.id });
      }
      return gone;
    });
  }

  return {
    remember(lastSession) {
      for (const [key, file] of lastSession) {
        if (known.has(key)) continue;
        const entry = { version: file.version, file: Promise.resolve(file.stamp) };
        known.set(key, entry);
        fromLastSession.add(entry);
      }
    },
    async take(events, damaged = 'retry') {
      // A slice at a time, so a colleague's whole import arriving is never all in memory at once.
      for (let from = 0; from < events.length; from += PER_COMMIT) {
        // A first look outside the write queue, so the echoes of the store's own writes cost it nothing…
        const readings = await Promise.all(events.slice(from, from + PER_COMMIT).map(async (event) => ({ event, reading: await read(event) })));
        const unreadable = readings.flatMap(({ event, reading }) => (reading.kind === 'unreadable' && reading.error ? [{ event, error: reading.error }] : []));
        if (damaged === 'set-aside' && unreadable.length > 0) await setAside(unreadable);
        const changed = readings.flatMap(({ event, reading }) => (reading.kind === 'file' ? [event] : []));
        if (changed.length === 0) continue;
        // …and the decision on it, where no write can land between reading the file and committing it.
        await writes.commit(async () => {
          const changes = (await Promise.all(changed.map(changeFor))).filter((change): change is Change => change !== null);
          return { label: OUTSIDE_CHANGE_LABEL, changes, result: undefined, undoable: false, revisions: 'keep' };
        });
      }
    },
    async changedSince(found) {
      const changed: RecordFileEvent[] = [];
      const present = new Set<string>();
      // 10,000 files after an open: awaiting a settled promise does not let the loop turn.
      const turn = timeSlices();
      for (const file of found) {
        await turn();
        const key = stampKey(file.kind, file.id);
        present.add(key);
        const entry = known.get(key);
        if (!entry) learn(key, { version: undefined, file: Promise.resolve(file.stamp) });
        else if ((await entry.file) !== file.stamp) changed.push(file);
      }
      // Records whose files are gone: the store dropped them on open (reconcile). A record the
      // store wrote since the listing is not gone: forgetting its file would let the next open
      // take that file in unchecked, damaged or not.
      for (const [key, entry] of [...known]) if (!present.has(key) && fromLastSession.has(entry)) learn(key, { version: null, file: Promise.resolve(null) });
      return changed;
    },
    async known() {
      learnt = false;
      const files = new Map<string, KnownFile>();
      const turn = timeSlices();
      for (const [key, { version, file }] of [...known]) {
        await turn();
        const stamp = await file;
        if (version !== null && stamp !== null) files.set(key, version === undefined ? { stamp } : { stamp, version });
      }
      return files;
    },
    get learnt() {
      return learnt;
    },
    stop,
  };
}
