/**
 * Gives each record a change set changes a new revision, descending from the one it replaces,
 * and says which records it deletes (see common/merge/revisions.ts). Runs on the write queue
 * between staging and saving, so every write — a service's, undo's, redo's — is covered and no
 * service has to remember.
 *
 * A merge brings records whose revisions were decided by the merge: those are kept as they
 * are (`keep`), and only deletions are noted.
 */
import { randomBytes } from 'node:crypto';
import { descendantRevs, newRevision, revisionOf, sameContent, type Revisioned } from '../common/merge/revisions';
import type { Annotation, Article } from '../common/model';
import type { Deletion } from '../store/deletion-log';
import type { NotebookStore } from '../store/notebook-store';
import type { StagedRecords } from './stage-changes';

export type RevisionMode = 'stamp' | 'keep';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

function randomPart(): string {
  let text = '';
  for (const byte of randomBytes(8)) text += ALPHABET[byte % ALPHABET.length];
  return text;
}

/**
 * `record` as it will be written: with a new revision when its content differs from `current`
 * (the version it replaces, null when new). A record that comes back (undo of a delete) descends
 * from the revision it had.
 */
function stamped<T extends Revisioned & object>(record: T, current: (Revisioned & object) | null, stamp: string): T {
  // Staging keeps the store's own object for a record the change set did not touch: no need to compare it.
  if (record === current) return record;
  if (current && sameContent(record, current) && record.rev === current.rev) return record;
  if (current && sameContent(record, current)) return { ...record, rev: current.rev, revs: current.revs };
  const previous: (Revisioned & object) | null = current ?? (record.rev ? record : null);
  return { ...record, rev: newRevision(stamp, randomPart()), revs: descendantRevs(previous, previous ? revisionOf(previous) : undefined) };
}

const deletion = (kind: Deletion['kind'], record: Revisioned & object, deletedAt: string, articleId?: string): Deletion => ({
  kind,
  id: (record as { id: string }).id,
  ...(articleId ? { articleId } : {}),
  rev: revisionOf(record),
  revs: record.revs ?? [],
  deletedAt,
});

async function stampArticles(store: NotebookStore, staged: StagedRecords, stamp: string, mode: RevisionMode, deletions: Deletion[]): Promise<void> {
  for (const [id, record] of staged.articles) {
    const current = store.hasArticle(id) ? await store.viewRecord(id) : null;
    if (!record) {
      if (current) {
        deletions.push(deletion('article', current.article, stamp));
        for (const annotation of current.annotations) deletions.push(deletion('annotation', annotation, stamp, id));
      }
      continue;
    }
    const held = new Map<string, Annotation>(current?.annotations.map((a) => [a.id, a]) ?? []);
    const kept = new Set(record.annotations.map((a) => a.id));
    for (const annotation of current?.annotations ?? []) {
      if (!kept.has(annotation.id)) deletions.push(deletion('annotation', annotation, stamp, id));
    }
    if (mode === 'keep') continue;
    record.article = stamped<Article>(record.article, current?.article ?? null, stamp);
    record.annotations = record.annotations.map((annotation) => stamped(annotation, held.get(annotation.id) ?? null, stamp));
  }
}

/** Stamps staged claims or notes in place (`current` finds the version each replaces), and notes deletions. */
function stampRecords<T extends Revisioned & { id: string }>(
  kind: 'claim' | 'note',
  staged: Map<string, T | null>,
  current: (id: string) => (Revisioned & { id: string }) | null,
  stamp: string,
  mode: RevisionMode,
  deletions: Deletion[],
): void {
  for (const [id, record] of staged) {
    const held = current(id);
    if (!record) {
      if (held) deletions.push(deletion(kind, held, stamp));
    } else if (mode === 'stamp') staged.set(id, stamped(record, held, stamp));
  }
}

/**
 * Stamps the staged records in place and returns the deletions to note. `mode` `keep` leaves
 * revisions as the change set gave them.
 */
export async function stampRevisions(store: NotebookStore, staged: StagedRecords, stamp: string, mode: RevisionMode): Promise<Deletion[]> {
  const deletions: Deletion[] = [];
  await stampArticles(store, staged, stamp, mode, deletions);
  stampRecords('claim', staged.claims, (id) => store.claim(id), stamp, mode, deletions);
  // A note's revisions are in the index with its metadata: no note file is read to stamp one.
  // The metadata lacks the body, so a staged note always counts as changed; services stage a
  // note only when they change it.
  stampRecords('note', staged.notes, (id) => store.noteMeta(id), stamp, mode, deletions);
  return deletions;
}
