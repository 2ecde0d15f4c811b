/**
 * The repository side of a notebook's shared history: its branch, its commits as record trees,
 * and its configuration, reached through isomorphic-git alone. It knows nothing of the
 * notebook's store, so the sync worker (sync-worker.ts) runs it off the window's thread; the
 * main thread uses it too, for what is read one record at a time (a record's history).
 */
import git from 'isomorphic-git';
import { gitFs, removeLeftovers } from './git-fs';
import { readRecordTree, writeRecordTree, type GitPlace, type RecordTree } from './record-trees';
import { pathKind, type SharedRecord } from './shared-records';

export const BRANCH = 'main';
const BRANCH_REF = `refs/heads/${BRANCH}`;

export interface Author {
  name: string;
  email?: string;
}

/**
 * A record's shared text read for a commit message only: this notebook's own history or what
 * it holds now, checked when it arrived, so it is parsed, not validated again (validating an
 * article's text costs more than the rest of a commit).
 */
export function parseForMessage(path: string, text: string): SharedRecord | undefined {
  const where = pathKind(path);
  if (!where) return undefined;
  try {
    const json = JSON.parse(text) as { article?: unknown; annotations?: unknown; record?: unknown; legend?: unknown };
    if (where.kind === 'legend') return { kind: 'legend', record: json.legend } as SharedRecord;
    if (where.kind === 'article') return { kind: 'article', id: where.id, record: { article: json.article, annotations: json.annotations } } as SharedRecord;
    return { kind: where.kind, id: where.id, record: json.record } as SharedRecord;
  } catch {
    return undefined;
  }
}

export class GitHistory implements GitPlace {
  /** isomorphic-git's object cache, kept for one sync. */
  cache: object = {};

  constructor(readonly gitdir: string) {}

  async remote(): Promise<string | undefined> {
    return (await git.getConfig({ fs: gitFs, gitdir: this.gitdir, path: 'remote.origin.url' })) as string | undefined;
  }

  async author(): Promise<Author> {
    const name = ((await git.getConfig({ fs: gitFs, gitdir: this.gitdir, path: 'user.name' })) as string | undefined) ?? 'Marginalia';
    const email = (await git.getConfig({ fs: gitFs, gitdir: this.gitdir, path: 'user.email' })) as string | undefined;
    return { name, ...(email ? { email } : {}) };
  }

  /** Clears what a process killed mid-write left behind. */
  tidy(): Promise<void> {
    return removeLeftovers(this.gitdir);
  }

  /** The branch's commit, or null before the first. */
  async head(): Promise<string | null> {
    try {
      return await git.resolveRef({ fs: gitFs, gitdir: this.gitdir, ref: BRANCH_REF });
    } catch (error) {
      if (error instanceof git.Errors.NotFoundError) return null;
      throw error;
    }
  }

  async setHead(oid: string): Promise<void> {
    await git.writeRef({ fs: gitFs, gitdir: this.gitdir, ref: BRANCH_REF, value: oid, force: true });
  }

  async treeOf(commit: string | null): Promise<string | null> {
    return commit === null ? null : (await git.readCommit({ fs: gitFs, gitdir: this.gitdir, oid: commit, cache: this.cache })).commit.tree;
  }

  readTree(commit: string | null): Promise<RecordTree> {
    return readRecordTree(this, commit);
  }

  /** An earlier version of a record, for a commit message only (see parseForMessage). */
  async readForMessage(path: string, oid: string): Promise<SharedRecord | undefined> {
    try {
      const { blob } = await git.readBlob({ fs: gitFs, gitdir: this.gitdir, oid, cache: this.cache });
      return parseForMessage(path, new TextDecoder().decode(blob));
    } catch {
      return undefined;
    }
  }

  /** A commit of `tree` with these parents, made `at` that time, moving the branch to it. */
  async commitTree(tree: RecordTree, parents: string[], message: string, at: Date): Promise<string> {
    const treeOid = await writeRecordTree(this, tree, await this.treeOf(parents[0] ?? null));
    const author = await this.author();
    const who = { name: author.name, email: author.email ?? '', timestamp: Math.floor(at.getTime() / 1000), timezoneOffset: 0 };
    const oid = await git.writeCommit({
      fs: gitFs,
      gitdir: this.gitdir,
      commit: { tree: treeOid, parent: parents, author: who, committer: who, message: `${message}\n` },
    });
    await this.setHead(oid);
    return oid;
  }
}
