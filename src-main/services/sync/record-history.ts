/**
 * A record's history, from the shared history's commits: each version it went through, who
 * committed it and when, and a way back to one (a new edit, undoable like any other).
 */
import git, { type ReadCommitResult } from 'isomorphic-git';
import { NotebookError } from '../../common/errors';
import { revisionOf } from '../../common/merge/revisions';
import type { Annotation, Article, Claim, Note } from '../../common/model';
import type { RecordVersion } from '../../common/sync-schema';
import type { Change } from '../../store/notebook-files';
import { gitFs } from './git-fs';
import { readBlobRecord } from './remote-records';
import type { SharedHistory } from './shared-history';
import { recordPath } from './shared-records';

type Kind = 'article' | 'annotation' | 'claim' | 'note';
type AnyRecord = Article | Annotation | Claim | Note;

/** Commits looked at, newest first, before the list stops (a record's long past is in git itself). */
const MAX_COMMITS = 1000;
const MAX_VERSIONS = 50;
const LINE = 140;

const line = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > LINE ? `${flat.slice(0, LINE - 1)}…` : flat;
};

function summaryOf(kind: Kind, record: AnyRecord): string {
  switch (kind) {
    case 'note':
      return line(`${(record as Note).title}: ${(record as Note).body || '(empty)'}`);
    case 'claim':
      return line((record as Claim).statement);
    case 'annotation': {
      const annotation = record as Annotation;
      return line(`${annotation.color}${annotation.comment ? ` — ${annotation.comment}` : ''}${annotation.tags.length ? ` #${annotation.tags.join(' #')}` : ''}`);
    }
    case 'article':
      return line((record as Article).title);
  }
}

/** Where a record lives: its own file, or (a highlight) its article's. */
async function placeOf(history: SharedHistory, kind: Kind, id: string): Promise<string> {
  if (kind !== 'annotation') return recordPath(kind, id);
  const articleId = await history.store.findAnnotation(id);
  if (!articleId) throw new NotebookError('not_found', 'That highlight is no longer in the notebook.');
  return recordPath('article', articleId);
}

async function blobAt(history: SharedHistory, tree: string, path: string): Promise<string | undefined> {
  const [dir, name] = path.includes('/') ? path.split('/') : [undefined, path];
  let oid = tree;
  if (dir) {
    const { tree: root } = await git.readTree({ fs: gitFs, gitdir: history.gitdir, oid, cache: history.cache });
    const entry = root.find((e) => e.path === dir && e.type === 'tree');
    if (!entry) return undefined;
    oid = entry.oid;
  }
  const { tree: folder } = await git.readTree({ fs: gitFs, gitdir: history.gitdir, oid, cache: history.cache });
  return folder.find((e) => e.path === name && e.type === 'blob')?.oid;
}

async function recordAt(history: SharedHistory, kind: Kind, id: string, path: string, blob: string): Promise<AnyRecord | undefined> {
  const shared = await readBlobRecord(history, path, blob);
  if (shared.kind === 'article') return kind === 'annotation' ? shared.record.annotations.find((a) => a.id === id) : shared.record.article;
  if (shared.kind === 'claim' || shared.kind === 'note') return shared.record;
  return undefined;
}

/** The record as the notebook holds it now. */
async function currentRecord(history: SharedHistory, kind: Kind, id: string): Promise<AnyRecord | undefined> {
  const { store } = history;
  switch (kind) {
    case 'article':
      return store.hasArticle(id) ? (await store.viewRecord(id)).article : undefined;
    case 'annotation': {
      const articleId = await store.findAnnotation(id);
      return articleId ? (await store.viewRecord(articleId)).annotations.find((a) => a.id === id) : undefined;
    }
    case 'claim':
      return store.claims().find((claim) => claim.id === id);
    case 'note':
      return store.noteMetas().some((meta) => meta.id === id) ? store.readNote(id) : undefined;
  }
}

interface Found {
  commit: ReadCommitResult;
  record: AnyRecord;
}

/** Each version of the record, newest first, with the commit that brought it. */
async function versionsOf(history: SharedHistory, kind: Kind, id: string): Promise<Found[]> {
  const head = await history.head();
  if (head === null) return [];
  const path = await placeOf(history, kind, id);
  const byRev = new Map<string, Found>();
  const read = new Map<string, AnyRecord | undefined>();
  const queue: ReadCommitResult[] = [await git.readCommit({ fs: gitFs, gitdir: history.gitdir, oid: head, cache: history.cache })];
  const visited = new Set<string>([head]);
  for (let walked = 0; queue.length > 0 && walked < MAX_COMMITS; walked += 1) {
    queue.sort((a, b) => b.commit.committer.timestamp - a.commit.committer.timestamp);
    const commit = queue.shift()!;
    for (const parent of commit.commit.parent) {
      if (visited.has(parent)) continue;
      visited.add(parent);
      queue.push(await git.readCommit({ fs: gitFs, gitdir: history.gitdir, oid: parent, cache: history.cache }));
    }
    const blob = await blobAt(history, commit.commit.tree, path);
    if (blob === undefined) continue;
    if (!read.has(blob)) read.set(blob, await recordAt(history, kind, id, path, blob));
    const record = read.get(blob);
    if (!record) continue;
    // Walking back, the oldest commit holding a revision is the one that brought it.
    byRev.set(revisionOf(record), { commit, record });
  }
  return [...byRev.values()].sort((a, b) => (a.record.updatedAt < b.record.updatedAt ? 1 : a.record.updatedAt > b.record.updatedAt ? -1 : 0)).slice(0, MAX_VERSIONS);
}

export async function recordHistory(history: SharedHistory, kind: Kind, id: string): Promise<RecordVersion[]> {
  history.cache = {};
  const current = await currentRecord(history, kind, id);
  if (!current) throw new NotebookError('not_found', `That ${kind === 'annotation' ? 'highlight' : kind} is no longer in the notebook.`);
  const currentRev = revisionOf(current);
  return (await versionsOf(history, kind, id)).map(({ commit, record }) => ({
    commit: commit.oid,
    at: new Date(commit.commit.author.timestamp * 1000).toISOString(),
    author: commit.commit.author.name,
    message: commit.commit.message.trim(),
    summary: summaryOf(kind, record),
    current: revisionOf(record) === currentRev,
  }));
}

/** The change that makes the version in `commit` the record's current one. */
export async function restoreChange(history: SharedHistory, kind: Kind, id: string, commitOid: string): Promise<{ label: string; changes: Change[] }> {
  const current = await currentRecord(history, kind, id);
  if (!current) throw new NotebookError('not_found', `That ${kind === 'annotation' ? 'highlight' : kind} is no longer in the notebook.`);
  const path = await placeOf(history, kind, id);
  let tree: string;
  try {
    tree = (await git.readCommit({ fs: gitFs, gitdir: history.gitdir, oid: commitOid, cache: history.cache })).commit.tree;
  } catch {
    throw new NotebookError('not_found', 'That version is not in the shared history.');
  }
  const blob = await blobAt(history, tree, path);
  const version = blob === undefined ? undefined : await recordAt(history, kind, id, path, blob);
  if (!version) throw new NotebookError('not_found', 'That version is not in the shared history.');
  // The old content, as a new edit of the record as it is now (its revisions and conflicts stay).
  const { rev: _rev, revs: _revs, conflicts: _conflicts, updatedAt: _updatedAt, ...content } = version as AnyRecord & { conflicts?: unknown };
  const { store } = history;
  switch (kind) {
    case 'note': {
      const before = current as Note;
      return { label: 'Restore an earlier version of a note', changes: [{ kind: 'note', noteId: id, before, after: { ...before, ...(content as Partial<Note>) } }] };
    }
    case 'claim': {
      const before = current as Claim;
      return { label: 'Restore an earlier version of a claim', changes: [{ kind: 'claim', claimId: id, before, after: { ...before, ...(content as Partial<Claim>) } }] };
    }
    case 'annotation': {
      const before = current as Annotation;
      return { label: 'Restore an earlier version of a highlight', changes: [{ kind: 'annotation', articleId: before.articleId, before, after: { ...before, ...(content as Partial<Annotation>) } }] };
    }
    case 'article': {
      const record = await store.viewRecord(id);
      const before = structuredClone(record);
      const { openedAt: _openedAt, ...restored } = content as Partial<Article>;
      return { label: 'Restore an earlier version of an article', changes: [{ kind: 'article', articleId: id, before, after: { ...before, article: { ...before.article, ...restored } } }] };
    }
  }
}
