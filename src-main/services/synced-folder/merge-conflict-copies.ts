/**
 * Conflict copies of record files (named as store/conflict-copies.ts recognises them) merged
 * into their records with the one record merge, as a colleague's bundle would be: a record
 * edited on both sides keeps the newer edit and the other joins its conflict history. The copy
 * is then moved to backups/conflict-copies/ — kept, never deleted.
 *
 * If the app stops between the merge and the move, the copy is merged again on the next open,
 * which finds nothing new: the merged record already descends from both versions.
 */
import { mkdir, rename, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { QuarantinedFile } from '../../common/model';
import { CONFLICT_COPIES_DIR } from '../../store/conflict-copies';
import type { NotebookStore } from '../../store/notebook-store';
import { UnreadableFileError } from '../../store/validated-json-file';
import type { Committer } from '../commit';
import { emptySummary, planMerge, type IncomingRecords } from '../exchange/merge-plan';
import { readRecordFile, type FolderKind, type RecordContent } from './record-files';

/** A conflict copy in a record folder, and the record it is a version of. */
export interface ConflictCopyFile {
  kind: FolderKind;
  folder: string;
  name: string;
  recordId: string;
}

/**
 * What to do with a copy that does not read as a record: set it aside (on open, when nothing is
 * writing it), or wait for the next event (the watcher may see a copy half-written).
 */
export type UnreadableCopy = 'set-aside' | 'retry';

export interface ConflictCopies {
  /** Merges one copy into its record and moves it to backups; never throws. */
  merge(copy: ConflictCopyFile, unreadable: UnreadableCopy): Promise<void>;
  /** Copies that could not be read, set aside since the notebook was opened. */
  readonly setAside: readonly QuarantinedFile[];
}

function incomingOf(content: RecordContent): IncomingRecords {
  const incoming: IncomingRecords = { articles: [], annotations: [], claims: [], notes: [], deletions: [] };
  if (content.kind === 'article') {
    incoming.articles.push(content.record.article);
    incoming.annotations.push(...content.record.annotations);
  } else if (content.kind === 'claim') {
    incoming.claims.push(content.record);
  } else {
    incoming.notes.push(content.record);
  }
  // A copy cannot tell a highlight its side deleted from one it never had, so it deletes nothing.
  return incoming;
}

export function conflictCopies(store: NotebookStore, writes: Committer, now: () => Date): ConflictCopies {
  const setAside: QuarantinedFile[] = [];

  /** Moves a copy to backups/conflict-copies/<folder>/, under its own name unless one is there already. */
  async function keep(copy: ConflictCopyFile): Promise<string> {
    const folder = join(store.dir, CONFLICT_COPIES_DIR, copy.folder);
    await mkdir(folder, { recursive: true });
    let target = join(folder, copy.name);
    if (await stat(target).then(() => true, () => false)) target = join(folder, `${now().toISOString().replace(/[:.]/g, '-')}-${copy.name}`);
    await rename(join(store.dir, copy.folder, copy.name), target);
    return relative(store.dir, target);
  }

  async function setAsideUnreadable(copy: ConflictCopyFile, reason: string): Promise<void> {
    const movedTo = await keep(copy);
    setAside.push({ file: `${copy.folder}/${copy.name}`, movedTo, reason: `it is a conflict copy that could not be merged: ${reason}` });
  }

  async function mergeCopy(copy: ConflictCopyFile, unreadable: UnreadableCopy): Promise<void> {
    let content: RecordContent | null;
    try {
      content = await readRecordFile(join(store.dir, copy.folder, copy.name), copy.kind);
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      if (unreadable === 'set-aside') await setAsideUnreadable(copy, error.reason);
      return;
    }
    // Gone already: an earlier event merged it, or the sync service took it back.
    if (content === null) return;
    if (content.id !== copy.recordId) {
      await setAsideUnreadable(copy, `it holds the record ${content.id}, not a version of ${copy.recordId}`);
      return;
    }
    const incoming = incomingOf(content);
    await writes.commit(async () => {
      // Our own records, as a bundle brings them; the summary names the copy in its reasons.
      const summary = emptySummary('bundle', `the conflict copy ${copy.folder}/${copy.name}`);
      const changes = await planMerge(store, incoming, summary);
      return { label: `Merge the conflict copy ${copy.name}`, changes, result: summary, undoable: false, revisions: 'keep' };
    });
    await keep(copy);
  }

  async function merge(copy: ConflictCopyFile, unreadable: UnreadableCopy): Promise<void> {
    try {
      await mergeCopy(copy, unreadable);
    } catch (error) {
      // Left where it is, to be merged on a later event or the next open.
      console.error(`[marginalia] could not merge the conflict copy ${copy.folder}/${copy.name}:`, error);
    }
  }

  return {
    setAside,
    merge,
  };
}
