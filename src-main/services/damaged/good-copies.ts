/**
 * Where a good copy of a set-aside note or article may still be, when no snapshot holds one (a
 * note's text and an article's text live only in their own files):
 *
 * - the undo history (history.log keeps each step's records whole, note bodies included), as
 *   the newest step that touched the record left it;
 * - in a notebook shared through git, the record as the last commit of this notebook holds it.
 *
 * The newer of the two (by the record's `updatedAt`) is kept beside the damaged file, as a
 * snapshot's claim is, and the damaged files list says where it came from, so "Restore from
 * backup" brings it back through the one write path as for a claim.
 */
import { join, relative } from 'node:path';
import type { DamagedFile } from '../../common/model';
import { writeFileAtomic } from '../../store/atomic-file';
import { GOOD_COPY_SUFFIX } from '../../store/damaged-files';
import { CURRENT_SCHEMA_VERSION } from '../../store/migrations';
import type { Change, HistoryEntry } from '../../store/notebook-files';
import { QUARANTINE_DIR } from '../../store/notebook-files';
import type { NotebookStore } from '../../store/notebook-store';
import type { RecordContent } from '../synced-folder/record-files';

/** A good copy, where it came from in words ("the undo history"), and when it was saved there. */
export interface FoundCopy {
  content: RecordContent;
  from: string;
  at: string;
}

/** The record as the last commit of a shared notebook holds it (see sync-service.ts). */
export type CommittedRecord = (kind: 'article' | 'note', id: string) => Promise<{ content: RecordContent; commit: string; at: string } | undefined>;

type Kind = 'article' | 'note';

/** The record `change` leaves (`side`), when it is a whole record of that kind and id. */
function wholeRecord(change: Change, kind: Kind, id: string, side: 'before' | 'after'): RecordContent | undefined {
  if (kind === 'note' && change.kind === 'note' && change.noteId === id && change[side]) return { kind, id, record: change[side] };
  if (kind === 'article' && change.kind === 'article' && change.articleId === id && change[side]) return { kind, id, record: change[side] };
  return undefined;
}

/** Later highlight changes of an article, laid over its whole record (a highlight is a step of its own). */
function withLaterHighlights(content: RecordContent, later: readonly HistoryEntry[]): RecordContent {
  if (content.kind !== 'article') return content;
  const annotations = [...content.record.annotations];
  for (const step of later) {
    for (const change of step.changes) {
      if (change.kind !== 'annotation' || change.articleId !== content.id) continue;
      const id = change.before?.id ?? change.after?.id;
      const at = annotations.findIndex((a) => a.id === id);
      if (at >= 0) annotations.splice(at, 1);
      if (change.after) annotations.push(change.after);
    }
  }
  return { ...content, record: { ...content.record, annotations } };
}

/** The record as the undo history last left it: the newest undone step's `before`, else the newest step's `after`. */
export async function fromHistory(store: NotebookStore, kind: Kind, id: string): Promise<RecordContent | undefined> {
  const { undo, redo } = (await store.history()).stacks();
  for (let at = redo.length - 1; at >= 0; at--) {
    for (const change of redo[at]!.changes) {
      const found = wholeRecord(change, kind, id, 'before');
      if (found) return found;
    }
  }
  for (let at = undo.length - 1; at >= 0; at--) {
    for (const change of undo[at]!.changes) {
      const found = wholeRecord(change, kind, id, 'after');
      if (found) return withLaterHighlights(found, undo.slice(at + 1));
    }
  }
  return undefined;
}

const updatedAt = (content: RecordContent): string => (content.kind === 'article' ? content.record.article.updatedAt : content.record.updatedAt);

/** The newest good copy of a set-aside note or article, from the undo history or the last commit. */
export async function findGoodCopy(store: NotebookStore, committed: CommittedRecord | undefined, kind: Kind, id: string): Promise<FoundCopy | undefined> {
  const [history, commit] = await Promise.all([fromHistory(store, kind, id).catch(() => undefined), committed?.(kind, id).catch(() => undefined)]);
  const fromUndo = history && { content: history, from: 'the undo history', at: updatedAt(history) };
  const fromGit = commit && { content: commit.content, from: `the shared notebook’s last commit ${commit.commit.slice(0, 7)}`, at: commit.at };
  if (fromUndo && fromGit) return updatedAt(fromGit.content) > updatedAt(fromUndo.content) ? fromGit : fromUndo;
  return fromUndo ?? fromGit;
}

/** Writes `copy` beside the damaged file as a record file the store reads, and answers its path relative to the notebook. */
export async function keepGoodCopy(store: NotebookStore, entry: DamagedFile, copy: FoundCopy): Promise<string> {
  const stamp = entry.at.replace(/[:.]/g, '-');
  const name = `${stamp}-${entry.record!.id}${GOOD_COPY_SUFFIX}`;
  const path = join(store.dir, QUARANTINE_DIR, name);
  const { content } = copy;
  const file =
    content.kind === 'article' ? { schemaVersion: CURRENT_SCHEMA_VERSION, article: content.record.article, annotations: content.record.annotations } : { schemaVersion: CURRENT_SCHEMA_VERSION, record: content.record };
  await writeFileAtomic(path, `${JSON.stringify(file, null, 2)}\n`);
  return relative(store.dir, path);
}
