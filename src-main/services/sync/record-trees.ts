/**
 * Commits of the shared history as maps from a record's path to its blob: read from a commit,
 * compared, and written back as trees. Only the record folders and the legend are read; any
 * other file a person committed by hand is carried along untouched.
 */
import git, { type TreeEntry } from 'isomorphic-git';
import { gitFs } from './git-fs';
import { LEGEND_PATH, SHARED_DIRS } from './shared-records';

/** path → blob id, for every record of a commit. */
export type RecordTree = Map<string, string>;

export interface GitPlace {
  gitdir: string;
  cache: object;
}

/** The records of the commit `oid` (none for null: the history is empty). */
export async function readRecordTree(place: GitPlace, oid: string | null): Promise<RecordTree> {
  const tree: RecordTree = new Map();
  if (oid === null) return tree;
  const { tree: root } = await git.readTree({ fs: gitFs, gitdir: place.gitdir, oid, cache: place.cache });
  for (const entry of root) {
    if (entry.type === 'blob' && entry.path === LEGEND_PATH) tree.set(LEGEND_PATH, entry.oid);
    if (entry.type !== 'tree' || !(SHARED_DIRS as readonly string[]).includes(entry.path)) continue;
    const { tree: folder } = await git.readTree({ fs: gitFs, gitdir: place.gitdir, oid: entry.oid, cache: place.cache });
    for (const file of folder) if (file.type === 'blob') tree.set(`${entry.path}/${file.path}`, file.oid);
  }
  return tree;
}

/** The paths whose blob differs between two trees (added, changed or removed). */
export function changedPaths(from: RecordTree, to: RecordTree): string[] {
  const paths: string[] = [];
  for (const [path, oid] of to) if (from.get(path) !== oid) paths.push(path);
  for (const path of from.keys()) if (!to.has(path)) paths.push(path);
  return paths;
}

const byName = (a: TreeEntry, b: TreeEntry) => {
  // Git orders a folder as if its name ended in "/".
  const key = (entry: TreeEntry) => (entry.type === 'tree' ? `${entry.path}/` : entry.path);
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
};

/**
 * Writes `records` as the tree of a commit, keeping the entries of `carried` (the root tree
 * of a commit) that are not records. Returns the root tree's id.
 */
export async function writeRecordTree(place: GitPlace, records: RecordTree, carried: string | null): Promise<string> {
  const folders = new Map<string, TreeEntry[]>(SHARED_DIRS.map((dir) => [dir, []]));
  const root: TreeEntry[] = [];
  for (const [path, oid] of records) {
    const slash = path.indexOf('/');
    if (slash === -1) root.push({ mode: '100644', path, oid, type: 'blob' });
    else folders.get(path.slice(0, slash))?.push({ mode: '100644', path: path.slice(slash + 1), oid, type: 'blob' });
  }
  for (const [dir, entries] of folders) {
    if (entries.length === 0) continue;
    const oid = await git.writeTree({ fs: gitFs, gitdir: place.gitdir, tree: entries.sort(byName) });
    root.push({ mode: '040000', path: dir, oid, type: 'tree' });
  }
  if (carried !== null) {
    const { tree } = await git.readTree({ fs: gitFs, gitdir: place.gitdir, oid: carried, cache: place.cache });
    const taken = new Set(root.map((entry) => entry.path));
    for (const entry of tree) if (!taken.has(entry.path) && entry.path !== LEGEND_PATH && !(SHARED_DIRS as readonly string[]).includes(entry.path)) root.push(entry);
  }
  return git.writeTree({ fs: gitFs, gitdir: place.gitdir, tree: root.sort(byName) });
}
