/**
 * Undo and redo. Every change a user makes is recorded as the before/after state of the
 * records it touched; undo writes the "before" states back, redo the "after" states. The
 * stacks live in `history.json`, so they survive a reload of the window and a restart.
 */
import type { HistoryState, HistoryStep } from '../common/model';
import { NotebookError } from '../common/errors';
import type { Change, HistoryEntry, HistoryFile } from '../store/notebook-files';
import { withDetails } from './article-details';
import type { NotebookStore } from '../store/notebook-store';
import type { KeyedQueue } from './keyed-queue';

/** How many steps are kept; the oldest are forgotten first. */
export const HISTORY_LIMIT = 200;
const HISTORY_KEY = '#history';

export interface History {
  /** Records a change the user just made (and forgets what could have been redone). */
  record(label: string, changes: Change[]): Promise<void>;
  /** Writes one side of a change: the one way a recorded change reaches the store. */
  applyOne(change: Change, side: 'before' | 'after'): Promise<void>;
  state(): Promise<HistoryState>;
  undo(): Promise<HistoryStep | null>;
  redo(): Promise<HistoryStep | null>;
}

const stateOf = (file: HistoryFile): HistoryState => ({
  undo: file.undo.length > 0 ? { label: file.undo.at(-1)!.label } : null,
  redo: file.redo.length > 0 ? { label: file.redo.at(-1)!.label } : null,
});

export function createHistory(store: NotebookStore, queue: KeyedQueue, now: () => Date): History {
  /** Writes one record's state for one side of a change. */
  async function apply(change: Change, side: 'before' | 'after'): Promise<void> {
    switch (change.kind) {
      case 'legend':
        return store.saveLegend(change[side]);
      case 'claim': {
        const state = change[side];
        return state ? store.saveClaim(state) : store.removeClaim(change.claimId);
      }
      case 'note': {
        const state = change[side];
        return state ? store.saveNote(state) : store.removeNote(change.noteId);
      }
      case 'article':
        return queue.run(change.articleId, async () => {
          const state = change[side];
          if (state) await store.saveRecord(state);
          else if (store.hasArticle(change.articleId)) await store.removeArticle(change.articleId);
        });
      case 'articleTags':
        return queue.run(change.articleId, async () => {
          if (!store.hasArticle(change.articleId)) return;
          const record = await store.readRecord(change.articleId);
          record.article.tags = change[side];
          await store.saveRecord(record);
        });
      case 'articleDetails':
        return queue.run(change.articleId, async () => {
          if (!store.hasArticle(change.articleId)) return;
          const record = await store.readRecord(change.articleId);
          await store.saveRecord({ ...record, article: withDetails(record.article, change[side]) });
        });
      case 'annotation':
        return queue.run(change.articleId, async () => {
          if (!store.hasArticle(change.articleId)) {
            throw new NotebookError('not_found', 'The article this step changed has been deleted, so the step cannot be repeated.');
          }
          const record = await store.readRecord(change.articleId);
          const state = change[side];
          const id = (change.before ?? change.after)!.id;
          const at = record.annotations.findIndex((a) => a.id === id);
          if (state === null) {
            if (at >= 0) record.annotations.splice(at, 1);
          } else if (at >= 0) {
            record.annotations[at] = state;
          } else {
            record.annotations.push(state);
          }
          await store.saveRecord(record);
        });
    }
  }

  const articleOf = (entry: HistoryEntry): string | undefined => {
    const change = entry.changes.find((c) => 'articleId' in c);
    return change && 'articleId' in change ? change.articleId : undefined;
  };

  /** Moves the newest step from one stack to the other, applying it on the way. */
  function step(from: 'undo' | 'redo'): Promise<HistoryStep | null> {
    return queue.run(HISTORY_KEY, async () => {
      const file = await store.readHistory();
      const entry = file[from].pop();
      if (!entry) return null;
      const to = from === 'undo' ? 'redo' : 'undo';
      const changes = from === 'undo' ? [...entry.changes].reverse() : entry.changes;
      try {
        for (const change of changes) await apply(change, from === 'undo' ? 'before' : 'after');
      } catch (error) {
        // A step that can no longer apply is dropped, so it does not block the ones behind it.
        await store.saveHistory(file);
        throw error;
      }
      file[to].push(entry);
      await store.saveHistory(file);
      const articleId = articleOf(entry);
      return { label: entry.label, ...(articleId ? { articleId } : {}), history: stateOf(file) };
    });
  }

  return {
    record: (label, changes) =>
      queue.run(HISTORY_KEY, async () => {
        const file = await store.readHistory();
        file.undo.push({ label, at: now().toISOString(), changes });
        if (file.undo.length > HISTORY_LIMIT) file.undo.splice(0, file.undo.length - HISTORY_LIMIT);
        file.redo = [];
        await store.saveHistory(file);
      }),
    applyOne: apply,
    state: async () => stateOf(await store.readHistory()),
    undo: () => step('undo'),
    redo: () => step('redo'),
  };
}
