/**
 * One sync, as the sync worker runs it: commit what changed here, fetch the remote, merge what
 * it changed record by record through the one merge (the main thread applies it on the write
 * queue, a slice at a time), commit the merge, push; when the push is refused because a
 * colleague synced first, fetch and merge again. The git work — hashing, compressing, packing,
 * the conversation with the remote — is all here, off the thread that answers the window.
 *
 * Killed at any point, the next sync carries on: every file it writes is written whole (see
 * git-fs.ts), the branch moves only after its commit is written, and the merge is idempotent —
 * records already merged come back "unchanged" — so a merge applied to the notebook (whole, or
 * some of its slices) but not yet committed is simply merged again, to the same result.
 */
import git, { Errors } from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { counted } from '../../common/counted';
import { gitFs } from './git-fs';
import { BRANCH, type GitHistory } from './git-history';
import { commitLocal, takeCurrent } from './local-commits';
import { changedPaths, type RecordTree } from './record-trees';
import { remoteChangeSlices } from './remote-records';
import { remoteError } from './remote-errors';
import type { GitOutcome, NotebookSide, RemoteAccess } from './sync-protocol';

/** Pushes refused because someone else pushed first, before the sync gives up (each retry fetches and merges). */
const MAX_RETRIES = 5;
/**
 * Records merged in one step of the write queue, unless the sync is told otherwise: a window's
 * write waits for one slice at most (each merged record is written and fsync'd before the step ends).
 */
export const MERGE_SLICE = 100;

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
async function fetchTheirs(history: GitHistory, access: RemoteAccess): Promise<string | null> {
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
 * (`ours` null: this notebook's first commit, joining a shared one). Returns how many records
 * the merge took in, and how many of them were conflicts.
 */
async function mergeTheirs(history: GitHistory, notebook: NotebookSide, ours: string | null, theirs: string, sliceSize: number): Promise<{ received: number; conflicts: number }> {
  const [base = null] = ours === null ? [] : ((await git.findMergeBase({ fs: gitFs, gitdir: history.gitdir, oids: [ours, theirs], cache: history.cache })) as string[]);
  const [baseTree, oursTree, theirsTree] = await Promise.all([history.readTree(base), history.readTree(ours), history.readTree(theirs)]);
  const { commit } = await git.readCommit({ fs: gitFs, gitdir: history.gitdir, oid: theirs, cache: history.cache });
  const slices = await remoteChangeSlices(history, baseTree, theirsTree, new Date(commit.committer.timestamp * 1000).toISOString(), sliceSize);
  const taken = { received: 0, conflicts: 0 };
  for (const slice of slices) {
    const { received, conflicts } = await notebook.merge(slice);
    taken.received += received;
    taken.conflicts += conflicts;
  }

  // The merged commit: the remote's records, with what this notebook holds now wherever either
  // side changed something (or this notebook changed something since).
  const unsent = await notebook.unsent();
  const tree = new Map(theirsTree);
  const paths = new Set([...changedPaths(baseTree, oursTree), ...changedPaths(baseTree, theirsTree), ...unsent.paths]);
  if (ours === null) for (const path of await notebook.allPaths()) paths.add(path);
  await takeCurrent(history, notebook, tree, paths);
  if (base === ours && sameTree(tree, theirsTree)) await history.setHead(theirs);
  else await history.commitTree(tree, ours === null ? [theirs] : [ours, theirs], `Merge with the shared notebook: ${describeMerge(taken)}`, new Date(await notebook.now()));
  await notebook.markSent(unsent.lines);
  return taken;
}

function describeMerge({ received, conflicts }: { received: number; conflicts: number }): string {
  return `received ${counted(received, 'change')}${conflicts > 0 ? `, ${counted(conflicts, 'conflict')} kept` : ''}`;
}

/**
 * Syncs the notebook with the remote `access` names. Returns what the git side did: what the
 * merges took in is counted where they are applied (notebook-side.ts).
 */
export async function runSync(history: GitHistory, notebook: NotebookSide, access: RemoteAccess, sliceSize = MERGE_SLICE): Promise<GitOutcome> {
  history.cache = {};
  await history.tidy();
  if ((await history.head()) !== null) await commitLocal(history, notebook);
  let retries = 0;
  for (;;) {
    const theirs = await fetchTheirs(history, access);
    let ours = await history.head();
    if (ours === null && theirs === null) {
      // The first share: everything here is the first commit.
      await commitLocal(history, notebook);
      ours = await history.head();
    } else if (theirs !== null && ours !== theirs && !(ours !== null && (await git.isDescendent({ fs: gitFs, gitdir: history.gitdir, oid: ours, ancestor: theirs, depth: -1, cache: history.cache })))) {
      await mergeTheirs(history, notebook, ours, theirs, sliceSize);
      ours = await history.head();
    }
    if (ours === null || ours === theirs) return { sent: 0, retries };
    const sent = changedPaths(await history.readTree(theirs), await history.readTree(ours)).length;
    try {
      await git.push({ ...connection(access), gitdir: history.gitdir, ref: BRANCH, remoteRef: BRANCH, cache: history.cache });
      return { sent, retries };
    } catch (error) {
      if (!rejected(error)) throw remoteError(error, access.url);
      if (retries >= MAX_RETRIES) throw remoteError(new Error(`the remote refused ${MAX_RETRIES + 1} pushes in a row because others kept syncing first; sync again in a moment`), access.url);
      retries += 1;
    }
  }
}
