/**
 * The one write path. Every change to the notebook — each service's, undo's and redo's — is a
 * change set committed here, on one notebook-wide serial queue: the plan reads the current
 * records and returns the changes, which are staged in memory, persisted, recorded as one undo
 * step, and reported by the store's change feed.
 *
 * One queue instead of per-record locks: with locks taken in different orders by different
 * services, deleting an article while renaming a tag, or undoing while highlighting, waited on
 * each other forever. And because a plan runs inside the queue, it never computes a change
 * from a read made before another write landed, so no acknowledged write is lost.
 */
import type { ChangeListener, NotebookChange, NotebookFeed } from '../common/change-feed';
import type { HistoryState, HistoryStep } from '../common/model';
import type { HistoryStacks } from '../store/history-log';
import type { ArticleRecord, Change, HistoryEntry } from '../store/notebook-files';
import { articleMeta, noteMeta, type NotebookStore } from '../store/notebook-store';
import { persistStaged, stageChanges, type Side, type StagedRecords } from './stage-changes';
import { stampRevisions, type RevisionMode } from './stamp-revisions';
import { assertUnchangedSince } from './undo-guard';
import { stagedPaths } from './sync/shared-records';
import { saveFailed } from '../store/write-failure';
import { NotebookError } from '../common/errors';
import { sep } from 'node:path';

/** What a plan decided: the changes to make, what undo calls them, and what the caller gets back. */
export interface Plan<T> {
  label: string;
  changes: Change[];
  result: T;
  /** False for changes that are not offered to undo (an import, marking an article read). */
  undoable?: boolean;
  /**
   * `keep` when the changes carry the revisions their records must have (a merge decided
   * them); otherwise each changed record gets a new one.
   */
  revisions?: RevisionMode;
  /**
   * The changes touch only what belongs to this machine (when an article was first opened
   * here): nothing for a shared notebook to send.
   */
  machineLocal?: boolean;
  /**
   * The caller's answer once the records are stamped, for one that must carry its record's new
   * revision (an update: the window bases its next edit on it). Without it, `result` is answered.
   */
  resultOf?: (staged: StagedRecords) => T;
}

export interface Committer extends NotebookFeed {
  /**
   * Runs `plan` on the notebook's write queue and commits what it returns. A plan that returns
   * no changes commits nothing (and records no step). `stamp` is the commit's time, the one
   * the staged records are marked with.
   */
  commit<T>(plan: (stamp: string) => Promise<Plan<T>> | Plan<T>): Promise<T>;
  /**
   * Runs `task` on the write queue: it sets aside files found damaged (the store drops their
   * records, see NotebookStore.setAsideRecord) or changes the damaged files list alone. Every
   * window hears the records that went and the list as it is now. Not an undo step: a damaged
   * file is brought back with "Restore from backup", which is one.
   */
  setAside(task: () => Promise<readonly SetAsideRecord[]>): Promise<void>;
  undo(): Promise<HistoryStep | null>;
  redo(): Promise<HistoryStep | null>;
  state(): Promise<HistoryState>;
}

const stateOf = (file: HistoryStacks): HistoryState => ({
  undo: file.undo.length > 0 ? { label: file.undo.at(-1)!.label } : null,
  redo: file.redo.length > 0 ? { label: file.redo.at(-1)!.label } : null,
});

const articleOf = (entry: HistoryEntry): string | undefined => {
  const change = entry.changes.find((c) => 'articleId' in c);
  return change && 'articleId' in change ? change.articleId : undefined;
};

/** A serial queue: each task starts when the one before has settled. */
function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const result = tail.then(task, task);
    tail = result.catch(() => undefined);
    return result;
  };
}

/**
 * A record file a newer Marginalia wrote is left in place, unserved (see store/quarantine.ts):
 * an import, a merge, a sync or a conflict copy bringing the same record must not write this
 * version's format over it. The whole change is refused before anything is written.
 */
function refuseOverNewer(store: NotebookStore, paths: readonly string[]): void {
  const newer = new Set(store.damaged.missing().leftInPlace.map((file) => file.split(sep).join('/')));
  const file = paths.find((path) => newer.has(path));
  if (file) {
    throw new NotebookError(
      'conflict',
      `${file} was written by a newer version of Marginalia, and this change would write over it. Update Marginalia to change that record; nothing was changed.`,
    );
  }
}

/** Records that were missing because their files were set aside, and are written again now (see store/damaged-files.ts). */
async function noteWrittenAgain(store: NotebookStore, staged: StagedRecords): Promise<void> {
  const { records } = store.damaged.missing();
  if (records.length === 0) return;
  const written = { article: staged.articles, claim: staged.claims, note: staged.notes };
  for (const { kind, id } of records) {
    if (written[kind].get(id)) await store.damaged.recordWritten(kind, id);
  }
}

/** A record whose file was set aside. */
export interface SetAsideRecord {
  kind: 'article' | 'claim' | 'note';
  id: string;
}

/**
 * Whether two versions of an article record hold the very same highlight objects. A change that
 * leaves the highlights alone keeps them (noting that an article was opened); any other is taken
 * to change them. Comparing 1,000 highlights by value took ~20 ms.
 */
function sameHighlights(before: ArticleRecord | null, after: ArticleRecord | null): boolean {
  if (!before || !after || before.annotations.length !== after.annotations.length) return false;
  return before.annotations.every((annotation, at) => annotation === after.annotations[at]);
}

/** What a committed change set tells the windows. */
function describeChange(seq: number, label: string, changes: readonly Change[], staged: StagedRecords, history: HistoryState): NotebookChange {
  // Only a change of the whole record can change the text (an import, a text edit, a
  // re-import, undoing a delete); marking an article read writes the whole record too, but
  // leaves its text as it was.
  const wholeRecords = new Set(
    changes.flatMap((change) =>
      change.kind === 'article' && change.before?.article.original !== change.after?.article.original ? [change.articleId] : [],
    ),
  );
  // Opening an article for the first time writes its whole record with the highlights as they
  // were: a window fetching 1,000 highlights again for that doubled the article's opening.
  const highlightsTouched = new Set(
    changes.flatMap((change) =>
      change.kind === 'annotation' || (change.kind === 'article' && !sameHighlights(change.before, change.after)) ? [change.articleId] : [],
    ),
  );
  return {
    seq,
    label,
    articles: [...staged.articles].map(([id, record]) => ({
      id,
      listing: record ? { ...articleMeta(record.article), annotationCount: record.annotations.length } : null,
      body: wholeRecords.has(id),
      highlights: wholeRecords.has(id) || highlightsTouched.has(id),
      conflictRevs: record?.article.conflicts?.map((version) => version.rev ?? '') ?? [],
      ...(record?.article.rev ? { rev: record.article.rev } : {}),
    })),
    claims: [...staged.claims].map(([id, claim]) => ({ id, claim })),
    notes: [...staged.notes].map(([id, note]) => ({ id, meta: note ? noteMeta(note) : null })),
    ...(staged.legend ? { legend: staged.legend } : {}),
    history,
  };
}

export function createCommitter(store: NotebookStore, now: () => Date): Committer {
  const serial = serialQueue();
  const listeners = new Set<ChangeListener>();
  let seq = 0;
  let damagedSent = store.damaged.version;

  /** Tells every window; a listener's failure must not turn a saved change into an error. */
  function announce(label: string, changes: readonly Change[], staged: StagedRecords, history: HistoryState): void {
    const change = describeChange(++seq, label, changes, staged, history);
    // The damaged files list changes with a restore, and when a file is set aside.
    if (store.damaged.version !== damagedSent) {
      damagedSent = store.damaged.version;
      change.damagedFiles = store.damaged.list();
    }
    for (const listener of listeners) {
      try {
        listener(change);
      } catch (error) {
        console.error('A change feed listener failed:', error);
      }
    }
  }

  /**
   * Stages `changes`, then saves the records while `record` writes the history line: the two
   * wait on their fsyncs at the same time instead of one after the other. Resolves once both
   * are on disk; if the records fail, `undoRecord` takes back a history line that was written.
   */
  async function apply(
    changes: readonly Change[],
    side: Side,
    stamp: string,
    record: () => Promise<void>,
    undoRecord: () => Promise<void>,
    revisions: RevisionMode = 'stamp',
    machineLocal = false,
  ): Promise<StagedRecords> {
    const staged = await stageChanges(store, changes, side, stamp);
    refuseOverNewer(store, stagedPaths(staged));
    const deletions = await stampRevisions(store, staged, stamp, revisions);
    // A deletion noted for a write that then fails only makes a later merge treat that record
    // as deleted-and-restored: it is kept either way.
    // A shared notebook notes what changed for the next sync with the change itself: a change
    // acknowledged here is never left out of what is sent, even after a crash.
    const [saved, recorded, noted, unsent] = await Promise.allSettled([
      persistStaged(store, staged, stamp),
      record(),
      store.deletions.record(deletions),
      machineLocal ? Promise.resolve() : store.unsent.note(stagedPaths(staged)),
    ]);
    if (noted.status === 'rejected') console.error('Could not note deleted records in deletions.log:', noted.reason);
    if (unsent.status === 'rejected') {
      console.error('Could not note changed records in unsent.log; the next sync compares every record:', unsent.reason);
      store.unsent.damaged();
    }
    if (saved.status === 'rejected') {
      if (recorded.status === 'fulfilled') await undoRecord().catch((error: unknown) => console.error('Could not take back a history step:', error));
      throw saveFailed('the change', saved.reason);
    }
    if (recorded.status === 'rejected') throw saveFailed('the change', recorded.reason);
    await noteWrittenAgain(store, staged);
    return staged;
  }

  /** Moves the newest step from one stack to the other, applying it on the way. */
  const step = (from: 'undo' | 'redo'): Promise<HistoryStep | null> =>
    serial(async () => {
      const history = await store.history();
      const entry = history.stacks()[from].at(-1);
      if (!entry) return null;
      const to = from === 'undo' ? 'redo' : 'undo';
      const changes = from === 'undo' ? [...entry.changes].reverse() : entry.changes;
      let moved = false;
      let staged: StagedRecords;
      try {
        await assertUnchangedSince(store, changes, from === 'undo' ? 'after' : 'before');
        staged = await apply(
          changes,
          from === 'undo' ? 'before' : 'after',
          now().toISOString(),
          async () => {
            await history.move(from);
            moved = true;
          },
          // A step that can no longer apply is dropped (below) from where the move put it.
          async () => {},
        );
      } catch (error) {
        if (moved || history.stacks()[from].at(-1) === entry) {
          // A step that can no longer apply is dropped, so it does not block the ones behind it.
          await history.drop(moved ? to : from);
          announce('', [], { articles: new Map(), claims: new Map(), notes: new Map() }, stateOf(history.stacks()));
        }
        throw error;
      }
      announce(`${from === 'undo' ? 'Undo' : 'Redo'} ${entry.label}`, changes, staged, stateOf(history.stacks()));
      const articleId = articleOf(entry);
      return { label: entry.label, ...(articleId ? { articleId } : {}), history: stateOf(history.stacks()) };
    });

  /** A read-only notebook (see store/folder-access.ts) refuses every change before anything is tried. */
  const refuseWhenReadOnly = (): void => {
    if (store.readOnly) throw new NotebookError('storage', store.readOnly);
  };

  return {
    commit: (plan) =>
      serial(async () => {
        refuseWhenReadOnly();
        const stamp = now().toISOString();
        const { label, changes, result, resultOf, undoable = true, revisions = 'stamp', machineLocal = false } = await plan(stamp);
        if (changes.length === 0) return result;
        const history = await store.history();
        const redo = history.stacks().redo;
        const staged = await apply(
          changes,
          'after',
          stamp,
          async () => {
            if (undoable) await history.push({ label, at: stamp, changes });
          },
          async () => {
            if (undoable) await history.retract(redo);
          },
          revisions,
          machineLocal,
        );
        announce(undoable ? label : '', changes, staged, stateOf(history.stacks()));
        return resultOf ? resultOf(staged) : result;
      }),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    setAside: (task) =>
      serial(async () => {
        const gone = await task();
        const staged: StagedRecords = { articles: new Map(), claims: new Map(), notes: new Map() };
        for (const { kind, id } of gone) (kind === 'article' ? staged.articles : kind === 'claim' ? staged.claims : staged.notes).set(id, null);
        announce('', [], staged, stateOf((await store.history()).stacks()));
      }),
    undo: async () => {
      refuseWhenReadOnly();
      return step('undo');
    },
    redo: async () => {
      refuseWhenReadOnly();
      return step('redo');
    },
    // Read on the queue, so the state answered follows every write acknowledged before it.
    state: () => serial(async () => stateOf((await store.history()).stacks())),
  };
}
