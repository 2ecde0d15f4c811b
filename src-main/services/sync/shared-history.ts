/**
 * A notebook's shared history: a git repository in the notebook folder (`.git`, bare), whose
 * commits hold the notebook's records in their shared form (see shared-records.ts). The
 * notebook's own files stay the truth while it is open; the repository is written only from
 * them and merged only into them through the write path, never checked out over them.
 *
 * Why not a git work tree: a work tree is what git's checkout and textual merge write into —
 * under a running app, over files the app holds — and git's status would have to look at every
 * file to find the three that changed. Here the write path notes each changed record
 * (unsent.log), a commit is built from those alone, and a merge goes record by record through
 * the one merge function, as the write queue's one step.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import git from 'isomorphic-git';
import type { Claim } from '../../common/model';
import type { NotebookStore } from '../../store/notebook-store';
import type { Committer } from '../commit';
import { commitMessage, type RecordChange } from './commit-message';
import { gitFs, removeLeftovers } from './git-fs';
import { readRecordTree, writeRecordTree, type GitPlace, type RecordTree } from './record-trees';
import { LEGEND_PATH, pathKind, recordPath, sharedText, type SharedRecord } from './shared-records';

export const BRANCH = 'main';
const BRANCH_REF = `refs/heads/${BRANCH}`;

export interface Author {
  name: string;
  email?: string;
}

const encoder = new TextEncoder();
/** Records read and written into the history at the same time. */
const TAKEN_AT_ONCE = 16;

/** Whether the notebook in `dir` is shared (has its history). */
export const isShared = (dir: string): boolean => existsSync(join(dir, '.git', 'HEAD'));

/** The shared paths of records whose files are set aside as damaged (see store/damaged-files.ts). */
function setAsidePaths(store: NotebookStore): Set<string> {
  return new Set(store.damaged.list().flatMap((entry) => (entry.record ? [recordPath(entry.record.kind, entry.record.id)] : [])));
}

export class SharedHistory implements GitPlace {
  readonly gitdir: string;
  /** isomorphic-git's object cache, kept for one sync. */
  cache: object = {};

  constructor(
    readonly store: NotebookStore,
    readonly writes: Committer,
    readonly now: () => Date,
  ) {
    this.gitdir = join(store.dir, '.git');
  }

  /** Makes the repository (empty) and notes every change from now on. */
  async create(remote: string, author: Author): Promise<void> {
    await git.init({ fs: gitFs, gitdir: this.gitdir, bare: true, defaultBranch: BRANCH });
    await this.configure(remote, author);
    this.store.unsent.enable();
  }

  async configure(remote: string, author: Author): Promise<void> {
    const set = (path: string, value: string | undefined) => git.setConfig({ fs: gitFs, gitdir: this.gitdir, path, value });
    await set('remote.origin.url', remote);
    await set('remote.origin.fetch', `+refs/heads/*:refs/remotes/origin/*`);
    await set('user.name', author.name);
    await set('user.email', author.email || undefined);
  }

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

  /** Every record path the notebook holds now. */
  allPaths(): string[] {
    return [
      LEGEND_PATH,
      ...this.store.articleMetas().map((meta) => recordPath('article', meta.id)),
      ...this.store.claims().map((claim) => recordPath('claim', claim.id)),
      ...this.store.noteMetas().map((meta) => recordPath('note', meta.id)),
    ];
  }

  /** The record at `path` as the notebook holds it now, or undefined when it holds none. */
  async current(path: string, held: { claims: Map<string, Claim>; notes: Set<string> }): Promise<SharedRecord | undefined> {
    const where = pathKind(path);
    if (!where) return undefined;
    try {
      switch (where.kind) {
        case 'legend':
          return { kind: 'legend', record: this.store.legend() };
        case 'article':
          return this.store.hasArticle(where.id) ? { kind: 'article', id: where.id, record: await this.store.viewRecord(where.id) } : undefined;
        case 'claim': {
          const claim = held.claims.get(where.id);
          return claim ? { kind: 'claim', id: where.id, record: claim } : undefined;
        }
        case 'note':
          return held.notes.has(where.id) ? { kind: 'note', id: where.id, record: await this.store.readNote(where.id) } : undefined;
      }
    } catch {
      // Deleted while being read: it is gone.
      return undefined;
    }
  }

  /**
   * Writes the records at `paths` as the notebook holds them now into `tree` (in place): a
   * record it no longer holds leaves the tree. Returns what changed, for the message.
   */
  async takeCurrent(tree: RecordTree, paths: Iterable<string>): Promise<RecordChange[]> {
    // Looked up once: a first share asks for every record, and a scan per record was quadratic.
    const held = { claims: new Map(this.store.claims().map((claim) => [claim.id, claim])), notes: new Set(this.store.noteMetas().map((meta) => meta.id)) };
    const setAside = setAsidePaths(this.store);
    const changes: RecordChange[] = [];
    const take = async (path: string): Promise<void> => {
      const record = await this.current(path, held);
      const old = tree.get(path);
      if (!record) {
        // Missing because its file was set aside as damaged: nobody deleted it, so the shared
        // version stays as it is (and "Restore from backup" can take it from there).
        if (old === undefined || setAside.has(path)) return;
        tree.delete(path);
        changes.push({ before: await this.readForMessage(path, old) });
        return;
      }
      const { text } = sharedText(record);
      const oid = await git.writeBlob({ fs: gitFs, gitdir: this.gitdir, blob: encoder.encode(text) });
      if (oid === old) return;
      tree.set(path, oid);
      changes.push({ ...(old === undefined ? {} : { before: await this.readForMessage(path, old) }), after: record });
    };
    // Several records at a time: writing an object is mostly waiting on the disk.
    const all = [...paths];
    for (let at = 0; at < all.length; at += TAKEN_AT_ONCE) await Promise.all(all.slice(at, at + TAKEN_AT_ONCE).map(take));
    return changes;
  }

  /**
   * An earlier version of a record, for a commit message only: this notebook's own history,
   * checked when it arrived, so it is parsed, not validated again (validating an article's
   * text costs more than the rest of a commit).
   */
  async readForMessage(path: string, oid: string): Promise<SharedRecord | undefined> {
    const where = pathKind(path);
    if (!where) return undefined;
    try {
      const { blob } = await git.readBlob({ fs: gitFs, gitdir: this.gitdir, oid, cache: this.cache });
      const json = JSON.parse(new TextDecoder().decode(blob)) as { article?: unknown; annotations?: unknown; record?: unknown; legend?: unknown };
      if (where.kind === 'legend') return { kind: 'legend', record: json.legend } as SharedRecord;
      if (where.kind === 'article') return { kind: 'article', id: where.id, record: { article: json.article, annotations: json.annotations } } as SharedRecord;
      return { kind: where.kind, id: where.id, record: json.record } as SharedRecord;
    } catch {
      return undefined;
    }
  }

  /** A commit of `tree` with these parents, moving the branch to it. */
  async commitTree(tree: RecordTree, parents: string[], message: string): Promise<string> {
    const treeOid = await writeRecordTree(this, tree, await this.treeOf(parents[0] ?? null));
    const author = await this.author();
    const seconds = Math.floor(this.now().getTime() / 1000);
    const who = { name: author.name, email: author.email ?? '', timestamp: seconds, timezoneOffset: 0 };
    const oid = await git.writeCommit({
      fs: gitFs,
      gitdir: this.gitdir,
      commit: { tree: treeOid, parent: parents, author: who, committer: who, message: `${message}\n` },
    });
    await this.setHead(oid);
    return oid;
  }

  /**
   * Commits what this notebook changed since its last commit (all of it, the first time).
   * Returns how many records the commit holds (0: nothing to commit).
   */
  async commitLocal(): Promise<number> {
    const head = await this.head();
    const unsent = await this.store.unsent.read();
    const tree = await this.readTree(head);
    const paths = head === null || unsent.all ? new Set([...this.allPaths(), ...tree.keys()]) : unsent.paths;
    const changes = await this.takeCurrent(tree, paths);
    if (changes.length > 0) await this.commitTree(tree, head === null ? [] : [head], commitMessage(changes));
    await this.markSent(unsent.lines);
    return changes.length;
  }

  /** Takes back the first `lines` of unsent.log, on the write queue so no change is noted meanwhile. */
  markSent(lines: number): Promise<void> {
    return this.writes.commit(async () => {
      await this.store.unsent.sent(lines);
      return { label: '', changes: [], result: undefined };
    });
  }
}
