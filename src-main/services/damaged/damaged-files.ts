/**
 * The "Damaged files" calls: bring a set-aside record back from the good copy a backup holds,
 * or put an entry of the list away. A restore is a change like any other — through the one
 * write path, as one undo step — so the metadata cache, the search index and every window follow.
 * Neither call touches the damaged file kept in backups/quarantine/, nor the good copy.
 */
import { join } from 'node:path';
import type { NotebookHandlers } from '../../common/api';
import { NotebookError } from '../../common/errors';
import type { DamagedFile } from '../../common/model';
import type { NotebookStore } from '../../store/notebook-store';
import { UnreadableFileError } from '../../store/validated-json-file';
import type { Committer } from '../commit';
import { changeBetween, readRecordFile, storeHas, type RecordContent } from '../synced-folder/record-files';
import { findGoodCopy, keepGoodCopy, type CommittedRecord } from './good-copies';

type DamagedHandlers = Pick<NotebookHandlers, 'restoreDamagedFile' | 'dismissDamagedFile'>;

export interface DamagedFiles extends DamagedHandlers {
  /**
   * Looks for a good copy of each listed note and article that has none yet — in the undo
   * history, and in a shared notebook's last commit (see good-copies.ts) — keeps it beside the
   * damaged file and notes where it came from; every window hears the list.
   */
  findGoodCopies(): Promise<void>;
  /**
   * From now on, a file set aside while the notebook is open (a record read, after the store let
   * it go from memory, from a file damaged since) has its good copy looked for at once, and every
   * window hears that the record went and the list as it is now: a read outside the write queue
   * tells no window by itself, and the open's look has already been. Answers how to stop, which
   * waits for a look under way.
   */
  followSetAside(): () => Promise<void>;
}

/** What a person calls the entry's record, for messages. */
const nameOf = (entry: DamagedFile): string => (entry.record?.title ? `“${entry.record.title}”` : entry.file);

/** The good copy the entry names, read and checked as the store reads a record file. */
async function goodCopy(store: NotebookStore, entry: DamagedFile): Promise<RecordContent> {
  const { record, backup } = entry;
  if (!record || !backup) throw new NotebookError('invalid_argument', `No backup, undo history or shared commit holds a good copy of ${nameOf(entry)}: the damaged file is kept at ${entry.movedTo ?? entry.file}.`);
  let content: RecordContent | null;
  try {
    content = await readRecordFile(join(store.dir, backup), record.kind);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    throw new NotebookError('storage', `The backup copy of ${nameOf(entry)} cannot be read either (${error.reason}).`);
  }
  if (!content) throw new NotebookError('not_found', `The backup copy of ${nameOf(entry)} is no longer in ${backup}.`);
  if (content.id !== record.id) throw new NotebookError('storage', `The backup copy in ${backup} holds another record (${content.id}), not ${nameOf(entry)}.`);
  return content;
}

export function createDamagedFiles(store: NotebookStore, writes: Committer, committed: () => CommittedRecord): DamagedFiles {
  const entryOf = (id: string): DamagedFile => {
    const entry = store.damaged.get(id);
    if (!entry) throw new NotebookError('not_found', 'That file is no longer on the list of damaged files.');
    return entry;
  };
  const putAway = (id: string) =>
    writes.setAside(async () => {
      await store.damaged.putAway(id);
      return [];
    });

  /** A note or article set aside (not left in place) with no good copy yet. */
  const wantsCopy = (entry: DamagedFile): entry is DamagedFile & { record: { kind: 'article' | 'note' } } =>
    entry.record !== undefined && entry.record.kind !== 'claim' && !entry.backup && entry.movedTo !== null && !store.readOnly;
  /** Finds and keeps a good copy for `entry`; true when one was found. */
  const lookFor = async (entry: DamagedFile): Promise<boolean> => {
    if (!wantsCopy(entry)) return false;
    const { record } = entry;
    const copy = await findGoodCopy(store, committed(), record.kind, record.id);
    if (!copy) return false;
    await store.damaged.setBackup(entry.id, await keepGoodCopy(store, entry, copy), copy.from, copy.at);
    return true;
  };

  return {
    findGoodCopies: async () => {
      // Most opens have nothing on the list: no pass on the write queue, no change announced.
      if (!store.damaged.list().some(wantsCopy)) return;
      await writes.setAside(async () => {
        for (const entry of store.damaged.list()) await lookFor(entry).catch((error: unknown) => console.error(`Could not look for a good copy of ${entry.file}:`, error));
        return [];
      });
    },

    followSetAside: () => {
      let looking = Promise.resolve();
      const unsubscribe = store.damaged.subscribe((added) => {
        looking = looking.then(() =>
          writes
            .setAside(async () => {
              const entry = store.damaged.get(added.id);
              if (entry) await lookFor(entry);
              return added.record ? [{ kind: added.record.kind, id: added.record.id }] : [];
            })
            .catch((error: unknown) => console.error(`Could not look for a good copy of ${added.file}:`, error)),
        );
      });
      return async () => {
        unsubscribe();
        await looking;
      };
    },

    async restoreDamagedFile({ id }) {
      const restored = await writes.commit(async () => {
        const entry = entryOf(id);
        const content = await goodCopy(store, entry);
        // A sync or a colleague's file may have brought it back meanwhile: that version is newer than the backup.
        if (storeHas(store, content.kind, content.id)) throw new NotebookError('conflict', `${nameOf(entry)} is in the notebook again (a sync or a colleague’s file brought it back): nothing was restored.`);
        const label = `Restore ${nameOf(entry)} from backup`;
        return { label, changes: [changeBetween(content.kind, content.id, null, content)], result: { label } };
      });
      await putAway(id);
      return restored;
    },

    async dismissDamagedFile({ id }) {
      entryOf(id);
      await putAway(id);
      return null;
    },
  };
}
