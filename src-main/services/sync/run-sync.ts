/**
 * One sync: commit what changed here, fetch the remote, merge what it changed record by record
 * through the one merge (on the write queue, as one step the windows hear of), commit the
 * merge, push; when the push is refused because a colleague synced first, fetch and merge again.
 *
 * Killed at any point, the next sync carries on: every file it writes is written whole (see
 * git-fs.ts), the branch moves only after its commit is written, and the merge is idempotent —
 * records already merged come back "unchanged" — so a merge applied to the notebook but not
 * yet committed is simply merged again, to the same result.
 */
import git, { Errors } from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { counted } from '../../common/counted';
import type { SyncResult } from '../../common/sync-schema';
import { emptySummary, planMerge } from '../exchange/merge-plan';
import { gitFs } from './git-fs';
import { changedPaths, type RecordTree } from './record-trees';
import { remoteChanges } from './remote-records';
import { remoteError } from './remote-errors';
import { BRANCH, type SharedHistory } from './shared-history';

export interface RemoteAccess {
  url: string;
  auth?: { username?: string; token: string };
}

/** Pushes refused because someone else pushed first, before the sync gives up (each retry fetches and merges). */
const MAX_RETRIES = 5;

const sameTree = (a: RecordTree, b: RecordTree) => a.size === b.size && [...a].every(([path, oid]) => b.get(path) === oid);

function connection(access: RemoteAccess) {
  const { auth } = access;
  return {
    fs: gitFs,
    http,
    url: access.url,
    ...(auth ? { onAuth: () => ({ username: auth.username || 'git', password: auth.token }) } : {}),
  };
}

/** The remote's branch after fetching it, or null when the remote is still empty. */
async function fetchTheirs(history: SharedHistory, access: RemoteAccess): Promise<string | null> {
  try {
    // Not singleBranch: then isomorphic-git tells the remote every ref it holds, the last
    // fetched remote branch among them. With only the local branch (a commit the remote has
    // not seen yet when there are changes to send), the remote knows of no common commit and
    // sends the whole notebook again.
    const result = await git.fetch({ ...connection(access), gitdir: history.gitdir, ref: BRANCH, remoteRef: BRANCH, singleBranch: false, tags: false, cache: history.cache });
    return result.fetchHead ?? null;
  } catch (error) {
    // An empty repository has no branch to fetch yet.
    if (error instanceof Errors.NotFoundError) return null;
    throw remoteError(error, access.url);
  }
}

const rejected = (error: unknown) => error instanceof Errors.PushRejectedError || error instanceof Errors.GitPushError;

/**
 * Merges the remote's `theirs` into the notebook and commits the result on top of both
 * (`ours` null: this notebook's first commit, joining a shared one).
 */
async function mergeTheirs(history: SharedHistory, ours: string | null, theirs: string) {
  const { store, writes } = history;
  const [base = null] = ours === null ? [] : ((await git.findMergeBase({ fs: gitFs, gitdir: history.gitdir, oids: [ours, theirs], cache: history.cache })) as string[]);
  const [baseTree, oursTree, theirsTree] = await Promise.all([history.readTree(base), history.readTree(ours), history.readTree(theirs)]);
  const { commit } = await git.readCommit({ fs: gitFs, gitdir: history.gitdir, oid: theirs, cache: history.cache });
  const incoming = await remoteChanges(history, baseTree, theirsTree, new Date(commit.committer.timestamp * 1000).toISOString());
  const summary = emptySummary('sync', 'the shared notebook');
  await writes.commit(async () => ({ label: 'Sync', changes: await planMerge(store, incoming, summary), result: undefined, undoable: false, revisions: 'keep' }));

  // The merged commit: the remote's records, with what this notebook holds now wherever either
  // side changed something (or this notebook changed something since).
  const unsent = await store.unsent.read();
  const tree = new Map(theirsTree);
  const paths = new Set([...changedPaths(baseTree, oursTree), ...changedPaths(baseTree, theirsTree), ...unsent.paths]);
  if (ours === null) for (const path of history.allPaths()) paths.add(path);
  await history.takeCurrent(tree, paths);
  if (base === ours && sameTree(tree, theirsTree)) await history.setHead(theirs);
  else await history.commitTree(tree, ours === null ? [theirs] : [ours, theirs], `Merge with the shared notebook: ${describeMerge(summary)}`);
  await history.markSent(unsent.lines);
  return summary;
}

const receivedOf = (summary: ReturnType<typeof emptySummary>) => summary.added.length + summary.updated.length + summary.deleted.length + summary.conflicts.length;

function describeMerge(summary: ReturnType<typeof emptySummary>): string {
  const conflicts = summary.conflicts.length;
  return `received ${counted(receivedOf(summary), 'change')}${conflicts > 0 ? `, ${counted(conflicts, 'conflict')} kept` : ''}`;
}

/** "sent 3 changes, received 5, 1 conflict kept". */
export function saidOf(result: Omit<SyncResult, 'said'>): string {
  const parts = [`sent ${counted(result.sent, 'change')}`, `received ${result.received.toLocaleString('en')}`];
  if (result.conflicts > 0) parts.push(`${counted(result.conflicts, 'conflict')} kept`);
  return parts.join(', ');
}

/** Syncs the notebook with the remote `access` names. */
export async function runSync(history: SharedHistory, access: RemoteAccess): Promise<SyncResult> {
  history.cache = {};
  await history.tidy();
  if ((await history.head()) !== null) await history.commitLocal();
  let received = 0;
  let conflicts = 0;
  let retries = 0;
  let merge: ReturnType<typeof emptySummary> | undefined;
  for (;;) {
    const theirs = await fetchTheirs(history, access);
    let ours = await history.head();
    if (ours === null && theirs === null) {
      // The first share: everything here is the first commit.
      await history.commitLocal();
      ours = await history.head();
    } else if (theirs !== null && ours !== theirs && !(ours !== null && (await git.isDescendent({ fs: gitFs, gitdir: history.gitdir, oid: ours, ancestor: theirs, depth: -1, cache: history.cache })))) {
      const summary = await mergeTheirs(history, ours, theirs);
      received += receivedOf(summary);
      conflicts += summary.conflicts.length;
      merge = merge ? { ...merge, ...mergeLists(merge, summary) } : summary;
      ours = await history.head();
    }
    if (ours === null || ours === theirs) {
      const sent = 0;
      return { sent, received, conflicts, retries, ...(merge ? { merge } : {}), said: saidOf({ sent, received, conflicts, retries }) };
    }
    const sent = changedPaths(await history.readTree(theirs), await history.readTree(ours)).length;
    try {
      await git.push({ ...connection(access), gitdir: history.gitdir, ref: BRANCH, remoteRef: BRANCH, cache: history.cache });
      return { sent, received, conflicts, retries, ...(merge ? { merge } : {}), said: saidOf({ sent, received, conflicts, retries }) };
    } catch (error) {
      if (!rejected(error)) throw remoteError(error, access.url);
      if (retries >= MAX_RETRIES) throw remoteError(new Error(`the remote refused ${MAX_RETRIES + 1} pushes in a row because others kept syncing first; sync again in a moment`), access.url);
      retries += 1;
    }
  }
}

function mergeLists(a: ReturnType<typeof emptySummary>, b: ReturnType<typeof emptySummary>) {
  return {
    added: [...a.added, ...b.added],
    updated: [...a.updated, ...b.updated],
    conflicts: [...a.conflicts, ...b.conflicts],
    kept: [...a.kept, ...b.kept],
    deleted: [...a.deleted, ...b.deleted],
    refused: [...a.refused, ...b.refused],
    unchanged: a.unchanged + b.unchanged,
  };
}
