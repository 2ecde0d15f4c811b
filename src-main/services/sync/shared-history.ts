/**
 * A notebook's shared history as the main thread holds it: a git repository in the notebook
 * folder (`.git`, bare), whose commits hold the notebook's records in their shared form (see
 * shared-records.ts), beside the notebook's store. The notebook's own files stay the truth
 * while it is open; the repository is written only from them (by the sync worker, from what
 * this side answers: notebook-side.ts) and merged only into them through the write path, never
 * checked out over them (see local-commits.ts for why not a work tree).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import git from 'isomorphic-git';
import type { NotebookStore } from '../../store/notebook-store';
import type { Committer } from '../commit';
import { gitFs } from './git-fs';
import { BRANCH, GitHistory, type Author } from './git-history';
import { LEGEND_PATH, pathKind, recordPath, type SharedRecord } from './shared-records';

export { BRANCH, type Author };

/** Whether the notebook in `dir` is shared (has its history). */
export const isShared = (dir: string): boolean => existsSync(join(dir, '.git', 'HEAD'));

export class SharedHistory extends GitHistory {
  constructor(
    readonly store: NotebookStore,
    readonly writes: Committer,
    readonly now: () => Date,
  ) {
    super(join(store.dir, '.git'));
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

  /** Every record path the notebook holds now. */
  allPaths(): string[] {
    return [
      LEGEND_PATH,
      ...this.store.articleMetas().map((meta) => recordPath('article', meta.id)),
      ...this.store.claimIds().map((id) => recordPath('claim', id)),
      ...this.store.noteIds().map((id) => recordPath('note', id)),
    ];
  }

  /** The paths of records whose files are set aside as damaged (see store/damaged-files.ts). */
  setAsidePaths(): Set<string> {
    // Listed or put away: either way missing here only (see store/damaged-files.ts).
    return new Set(this.store.damaged.missing().records.map(({ kind, id }) => recordPath(kind, id)));
  }

  /** The record at `path` as the notebook holds it now, or undefined when it holds none. */
  async current(path: string): Promise<SharedRecord | undefined> {
    const where = pathKind(path);
    if (!where) return undefined;
    try {
      switch (where.kind) {
        case 'legend':
          return { kind: 'legend', record: this.store.legend() };
        case 'article':
          return this.store.hasArticle(where.id) ? { kind: 'article', id: where.id, record: await this.store.viewRecord(where.id) } : undefined;
        case 'claim': {
          const claim = this.store.claim(where.id);
          return claim ? { kind: 'claim', id: where.id, record: claim } : undefined;
        }
        case 'note':
          return this.store.noteMeta(where.id) ? { kind: 'note', id: where.id, record: await this.store.readNote(where.id) } : undefined;
      }
    } catch {
      // Deleted while being read: it is gone.
      return undefined;
    }
  }
}
