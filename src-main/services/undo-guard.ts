/**
 * Undo and redo put records back as a step left them. A record changed since by something that
 * is not on the undo stack — a sync bringing a colleague's edit, a file taken in from a synced
 * folder, a merge — no longer is what the step left, and putting it back would write over that
 * change without a word. Such a step is refused instead, naming the record; the caller drops it.
 *
 * Records are compared by content, without what a save restamps or a machine keeps to itself:
 * the revision ids (stamped after the step was recorded), `updatedAt` and `openedAt`.
 */
import { NotebookError } from '../common/errors';
import type { Annotation, Article, Claim, ColorLegend, Note } from '../common/model';
import type { ArticleRecord, Change } from '../store/notebook-files';
import type { NotebookStore } from '../store/notebook-store';
import { ARTICLE_DETAIL_KEYS } from '../store/notebook-files';
import type { Side } from './stage-changes';

const RESTAMPED = new Set(['rev', 'revs', 'updatedAt', 'openedAt']);

/** JSON with sorted keys and without the restamped fields, so equal content gives equal text. */
function contentOf(value: unknown): string {
  return JSON.stringify(value, (key, inner: unknown) => {
    if (RESTAMPED.has(key)) return undefined;
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      return Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return inner;
  });
}

const same = (a: unknown, b: unknown): boolean => contentOf(a ?? null) === contentOf(b ?? null);

const byId = (annotations: readonly Annotation[]) => [...annotations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

function changedSince(what: string): NotebookError {
  return new NotebookError(
    'conflict',
    `${what} was changed after this step, by a sync or a colleague’s file: undoing or redoing it would write over that. The step was set aside; nothing was changed.`,
  );
}

/**
 * Throws when a record `changes` touch is no longer as the step left it on `side` (undo expects
 * each record as it is after the step, redo as it was before). Only the first time a record is
 * met counts: later changes in the step start from what earlier ones made.
 */
export async function assertUnchangedSince(store: NotebookStore, changes: readonly Change[], side: Side): Promise<void> {
  const seen = new Set<string>();
  const wholeArticles = new Set<string>();
  const partlyChanged = new Set<string>();
  const first = (key: string) => !seen.has(key) && Boolean(seen.add(key));
  const articles = new Map<string, ArticleRecord | null>();
  const article = async (id: string) => {
    if (!articles.has(id)) articles.set(id, store.hasArticle(id) ? await store.viewRecord(id) : null);
    return articles.get(id)!;
  };
  const title = (record: ArticleRecord | null) => (record ? `“${record.article.title}”` : 'An article');

  for (const change of changes) {
    switch (change.kind) {
      case 'legend':
        if (first('legend') && !same(store.legend() as ColorLegend, change[side])) throw changedSince('The colour legend');
        break;
      case 'claim': {
        if (!first(`claim:${change.claimId}`)) break;
        const now: Claim | null = store.claim(change.claimId);
        if (!same(now, change[side])) throw changedSince('A claim');
        break;
      }
      case 'note': {
        if (!first(`note:${change.noteId}`)) break;
        const now: Note | null = store.noteMeta(change.noteId) ? await store.readNote(change.noteId) : null;
        if (!same(now, change[side])) throw changedSince(`The note “${(now ?? change[side])?.title ?? ''}”`.replace(' “”', ''));
        break;
      }
      case 'article': {
        // A step that changed the article's highlights or details after the whole record (met
        // first here, going backwards) was checked by those: the record is not as this left it.
        if (partlyChanged.has(change.articleId) || !first(`article:${change.articleId}`)) break;
        wholeArticles.add(change.articleId);
        const now = await article(change.articleId);
        const expected = change[side];
        const sameArticle = same(now?.article, expected?.article) && same(now && byId(now.annotations), expected && byId(expected.annotations));
        if (!sameArticle) throw changedSince(`The article ${title(now)}`);
        break;
      }
      case 'annotation': {
        const id = (change.before ?? change.after)!.id;
        partlyChanged.add(change.articleId);
        if (wholeArticles.has(change.articleId) || !first(`annotation:${id}`)) break;
        const now = (await article(change.articleId))?.annotations.find((annotation) => annotation.id === id) ?? null;
        if (!same(now, change[side])) throw changedSince(`A highlight in ${title(await article(change.articleId))}`);
        break;
      }
      case 'articleTags': {
        partlyChanged.add(change.articleId);
        if (wholeArticles.has(change.articleId) || !first(`tags:${change.articleId}`)) break;
        const now = await article(change.articleId);
        if (now && !same(now.article.tags, change[side])) throw changedSince(`The tags of ${title(now)}`);
        break;
      }
      case 'articleDetails': {
        partlyChanged.add(change.articleId);
        if (wholeArticles.has(change.articleId) || !first(`details:${change.articleId}`)) break;
        const now = await article(change.articleId);
        const details = (record: Article) => Object.fromEntries(ARTICLE_DETAIL_KEYS.map((key) => [key, record[key]]));
        if (now && !same(details(now.article), change[side])) throw changedSince(`The details of ${title(now)}`);
        break;
      }
    }
  }
}
