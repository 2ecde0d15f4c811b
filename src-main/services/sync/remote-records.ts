/**
 * What the other side of a shared history changed since the two last agreed (the merge base):
 * the records it added or changed, and the ones it deleted, as the same `IncomingRecords` a
 * bundle brings. The one merge (planMerge → mergeRecord) then takes them in; git's textual
 * merge of JSON is never used.
 */
import git from 'isomorphic-git';
import { NotebookError } from '../../common/errors';
import { revisionOf } from '../../common/merge/revisions';
import type { Annotation } from '../../common/model';
import type { Deletion } from '../../store/deletion-log';
import type { IncomingRecords } from '../exchange/merge-plan';
import { gitFs } from './git-fs';
import { changedPaths, type GitPlace, type RecordTree } from './record-trees';
import { readShared, type SharedRecord } from './shared-records';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The record a blob of the shared history holds. */
export async function readBlobRecord(place: GitPlace, path: string, oid: string): Promise<SharedRecord> {
  const { blob } = await git.readBlob({ fs: gitFs, gitdir: place.gitdir, oid, cache: place.cache });
  let text: string;
  try {
    text = decoder.decode(blob);
  } catch {
    throw new NotebookError('invalid_argument', `${path} in the shared notebook is not UTF-8 text: it was damaged or written by another program. Fix or remove it there.`);
  }
  return readShared(path, text);
}

const deletionOf = (kind: Deletion['kind'], record: { id: string; rev?: string; revs?: string[]; updatedAt: string }, deletedAt: string, articleId?: string): Deletion => ({
  kind,
  id: record.id,
  ...(articleId ? { articleId } : {}),
  rev: revisionOf(record),
  revs: record.revs ?? [],
  deletedAt,
});

const emptyIncoming = (): IncomingRecords => ({ articles: [], annotations: [], claims: [], notes: [], deletions: [] });
const sizeOf = (part: IncomingRecords) => part.articles.length + part.annotations.length + part.claims.length + part.notes.length + part.deletions.length + (part.legend ? 1 : 0);

/**
 * The changes from `base` to `theirs`, read and checked — all of them before any is returned,
 * so a damaged record refuses the whole merge — in slices of about `sliceSize` records, each
 * merged as its own step of the write queue so the window's writes are answered in between.
 * A record file's records stay in one slice (an article, its highlights, their deletions): the
 * merge of each record then sees the same as if all were merged at once. `deletedAt` stands
 * for when the other side deleted what it no longer has (its commit's time).
 */
export async function remoteChangeSlices(place: GitPlace, base: RecordTree, theirs: RecordTree, deletedAt: string, sliceSize: number): Promise<IncomingRecords[]> {
  const slices: IncomingRecords[] = [];
  let slice = emptyIncoming();
  for (const path of changedPaths(base, theirs)) {
    const part = await changeAt(place, path, base.get(path), theirs.get(path), deletedAt);
    if (sizeOf(slice) > 0 && sizeOf(slice) + sizeOf(part) > sliceSize) {
      slices.push(slice);
      slice = emptyIncoming();
    }
    slice.articles.push(...part.articles);
    slice.annotations.push(...part.annotations);
    slice.claims.push(...part.claims);
    slice.notes.push(...part.notes);
    slice.deletions.push(...part.deletions);
    if (part.legend) slice.legend = part.legend;
    if (part.legendBase) slice.legendBase = part.legendBase;
  }
  // Always one at least: a merge that took in nothing still answers with its (empty) summary.
  if (sizeOf(slice) > 0 || slices.length === 0) slices.push(slice);
  return slices;
}

/** What the other side changed in the record file at `path`, from blob `before` to `now`. */
async function changeAt(place: GitPlace, path: string, before: string | undefined, now: string | undefined, deletedAt: string): Promise<IncomingRecords> {
  const incoming = emptyIncoming();
  const after = now === undefined ? undefined : await readBlobRecord(place, path, now);
  const previous = before === undefined ? undefined : await readBlobRecord(place, path, before);
  if (after?.kind === 'legend') {
    incoming.legend = after.record;
    if (previous?.kind === 'legend') incoming.legendBase = previous.record;
    return incoming;
  }
  if (after?.kind === 'article') {
    incoming.articles.push(after.record.article);
    incoming.annotations.push(...after.record.annotations);
  } else if (after?.kind === 'claim') incoming.claims.push(after.record);
  else if (after?.kind === 'note') incoming.notes.push(after.record);

  // Highlights the other side removed from an article, or with it.
  if (previous?.kind === 'article') {
    const kept = new Set(after?.kind === 'article' ? after.record.annotations.map((a: Annotation) => a.id) : []);
    for (const annotation of previous.record.annotations) {
      if (!kept.has(annotation.id)) incoming.deletions.push(deletionOf('annotation', annotation, deletedAt, previous.id));
    }
    if (!after) incoming.deletions.push(deletionOf('article', previous.record.article, deletedAt));
  } else if (previous && previous.kind !== 'legend' && !after) {
    incoming.deletions.push(deletionOf(previous.kind, previous.record, deletedAt));
  }
  return incoming;
}
