/**
 * Commits of what this notebook holds, made in the sync worker: the main thread sends the
 * records asked for (a few dozen at a time, so no one answer holds its event loop for long),
 * and the worker writes their shared text, hashes, compresses and writes them as git objects.
 *
 * Why not a git work tree: a work tree is what git's checkout and textual merge write into —
 * under a running app, over files the app holds — and git's status would have to look at every
 * file to find the three that changed. Here the write path notes each changed record
 * (unsent.log), a commit is built from those alone.
 */
import git from 'isomorphic-git';
import { commitMessage, type RecordChange } from './commit-message';
import { gitFs } from './git-fs';
import { parseForMessage, type GitHistory } from './git-history';
import type { RecordTree } from './record-trees';
import { sharedText } from './shared-records';
import type { NotebookSide } from './sync-protocol';

const encoder = new TextEncoder();
/**
 * Records asked of the main thread at once: it reads them (a slice of its event loop at a
 * time) and its answer copies them to this thread in one task, ~30 ms for 32 articles.
 */
const ASKED_AT_ONCE = 16;

/**
 * Writes the records at `paths` as the notebook holds them now into `tree` (in place): a
 * record it no longer holds leaves the tree. Returns what changed, for the message.
 */
export async function takeCurrent(history: GitHistory, notebook: NotebookSide, tree: RecordTree, paths: Iterable<string>): Promise<RecordChange[]> {
  const changes: RecordChange[] = [];
  const all = [...paths];
  for (let at = 0; at < all.length; at += ASKED_AT_ONCE) {
    const slice = all.slice(at, at + ASKED_AT_ONCE);
    const records = await notebook.records(slice);
    // All at once: writing an object is mostly waiting on the disk.
    await Promise.all(
      slice.map(async (path, index) => {
        const record = records[index] ?? null;
        const old = tree.get(path);
        // Set aside as damaged: nobody deleted it, so the shared version stays as it is (and
        // "Restore from backup" can take it from there).
        if (record !== null && 'setAside' in record) return;
        if (record === null) {
          if (old === undefined) return;
          tree.delete(path);
          changes.push({ before: await history.readForMessage(path, old) });
          return;
        }
        const { text } = sharedText(record);
        const oid = await git.writeBlob({ fs: gitFs, gitdir: history.gitdir, blob: encoder.encode(text) });
        if (oid === old) return;
        tree.set(path, oid);
        changes.push({ ...(old === undefined ? {} : { before: await history.readForMessage(path, old) }), after: parseForMessage(path, text) });
      }),
    );
  }
  return changes;
}

/**
 * Commits what this notebook changed since its last commit (all of it, the first time).
 * Returns how many records the commit holds (0: nothing to commit).
 */
export async function commitLocal(history: GitHistory, notebook: NotebookSide): Promise<number> {
  const head = await history.head();
  const unsent = await notebook.unsent();
  const tree = await history.readTree(head);
  const paths = head === null || unsent.all ? new Set([...(await notebook.allPaths()), ...tree.keys()]) : unsent.paths;
  const changes = await takeCurrent(history, notebook, tree, paths);
  if (changes.length > 0) await history.commitTree(tree, head === null ? [] : [head], commitMessage(changes), new Date(await notebook.now()));
  await notebook.markSent(unsent.lines);
  return changes.length;
}
