/**
 * Turns a change set into the records it leaves behind, in memory, before anything is
 * written: each touched record is read once, every change to it applied in order, and it is
 * written once. A change that cannot apply (its article is gone) fails the whole set while
 * nothing is on disk yet.
 */
import { NotebookError } from '../common/errors';
import type { Article, Claim, ColorLegend, Note } from '../common/model';
import type { ArticleRecord, Change } from '../store/notebook-files';
import type { NotebookStore } from '../store/notebook-store';
import { withDetails } from './article-details';

/** The state of every record a change set touches; `null` means removed. */
export interface StagedRecords {
  articles: Map<string, ArticleRecord | null>;
  claims: Map<string, Claim | null>;
  notes: Map<string, Note | null>;
  legend?: ColorLegend;
}

export type Side = 'before' | 'after';

/**
 * A copy of an article record that shares its body (`doc`): a body is never edited in place,
 * only replaced whole, and copying one of a 40,000-element page held the thread 200-260 ms.
 * The rest is copied, so stamping and saving the staged record leave the change as it was.
 */
function copyRecord(record: ArticleRecord | null): ArticleRecord | null {
  if (!record) return null;
  const { doc, ...rest } = record.article;
  const copy = structuredClone({ article: rest, annotations: record.annotations });
  // The keys in their order, so the file reads as before.
  const article = Object.fromEntries(Object.keys(record.article).map((key) => [key, key === 'doc' ? doc : copy.article[key as keyof typeof rest]])) as Article;
  return { article, annotations: copy.annotations };
}

/**
 * `stamp` is when the set is applied: an article whose tags or details change is marked
 * updated then (undo and redo included — for a merge, they are edits like any other).
 */
export async function stageChanges(store: NotebookStore, changes: readonly Change[], side: Side, stamp: string): Promise<StagedRecords> {
  const staged: StagedRecords = { articles: new Map(), claims: new Map(), notes: new Map() };

  /**
   * The article as the changes so far leave it; null when it does not exist. Its first state is
   * the store's record with its own annotation list: the changes below replace the article and
   * the annotations they change, and never edit what the store holds.
   */
  async function article(id: string): Promise<ArticleRecord | null> {
    if (!staged.articles.has(id)) {
      const held = store.hasArticle(id) ? await store.viewRecord(id) : null;
      staged.articles.set(id, held && { article: held.article, annotations: [...held.annotations] });
    }
    return staged.articles.get(id)!;
  }

  for (const change of changes) {
    switch (change.kind) {
      case 'legend':
        staged.legend = structuredClone(change[side]);
        break;
      case 'claim':
        staged.claims.set(change.claimId, structuredClone(change[side]));
        break;
      case 'note':
        staged.notes.set(change.noteId, structuredClone(change[side]));
        break;
      case 'article':
        staged.articles.set(change.articleId, copyRecord(change[side]));
        break;
      case 'articleTags': {
        // An article deleted since keeps nothing to tag; the rest of the step still applies.
        const record = await article(change.articleId);
        if (record) record.article = { ...record.article, tags: [...change[side]], updatedAt: stamp };
        break;
      }
      case 'articleDetails': {
        const record = await article(change.articleId);
        if (record) record.article = { ...withDetails(record.article, change[side]), updatedAt: stamp };
        break;
      }
      case 'annotation': {
        const record = await article(change.articleId);
        if (!record) throw new NotebookError('not_found', 'The article this step changed has been deleted, so the step cannot be repeated.');
        const state = structuredClone(change[side]);
        const id = (change.before ?? change.after)!.id;
        const at = record.annotations.findIndex((a) => a.id === id);
        if (state === null) {
          if (at >= 0) record.annotations.splice(at, 1);
        } else if (at >= 0) {
          record.annotations[at] = state;
        } else {
          record.annotations.push(state);
        }
        break;
      }
    }
  }
  return staged;
}

/** Writes every staged record (different files in parallel) and waits until all are saved; `commit` is the commit's time (see NotebookStore.saveRecord). */
export async function persistStaged(store: NotebookStore, staged: StagedRecords, commit?: string): Promise<void> {
  const writes: Promise<void>[] = [];
  for (const [id, record] of staged.articles) {
    if (record) writes.push(store.saveRecord(record, commit));
    else if (store.hasArticle(id)) writes.push(store.removeArticle(id));
  }
  for (const [id, claim] of staged.claims) writes.push(claim ? store.saveClaim(claim) : store.removeClaim(id));
  for (const [id, note] of staged.notes) writes.push(note ? store.saveNote(note) : store.removeNote(id));
  if (staged.legend) writes.push(store.saveLegend(staged.legend));
  // Wait for every write even when one fails, so none is left running behind the queue.
  const results = await Promise.allSettled(writes);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
