/**
 * What the library does to several articles at once (a multi-selection): tag or untag them,
 * or delete them. Each call is one undo step, however many articles it touches.
 */
import type { NotebookHandlers } from '../common/api';
import { NotebookError } from '../common/errors';
import type { Change } from '../store/notebook-files';
import type { NotebookStore } from '../store/notebook-store';
import type { Committer } from './commit';
import { detachChanges } from './claims-and-notes';
import { counted } from '../common/counted';

type Handlers = Pick<NotebookHandlers, 'tagArticles' | 'deleteArticles'>;

const articlesWord = (count: number) => counted(count, 'article');

export function createLibraryBulk(store: NotebookStore, writes: Committer, now: () => Date): Handlers {
  /** Refuses the whole call when any id is unknown, before anything changes. */
  function checkKnown(ids: readonly string[]): void {
    const missing = ids.filter((id) => !store.hasArticle(id));
    if (missing.length > 0) {
      throw new NotebookError(
        'not_found',
        `${articlesWord(missing.length)} of the ${articlesWord(ids.length)} chosen ${missing.length === 1 ? 'is' : 'are'} no longer in the notebook; nothing was changed.`,
      );
    }
  }

  return {
    tagArticles: ({ ids, add = [], remove = [] }) =>
      writes.commit(() => {
        checkKnown(ids);
        // The picked rows only, read from the index (not a copy of every row of the library).
        const picked = new Set(ids);
        const metas = new Map(store.articleMetas().filter((meta) => picked.has(meta.id)).map((meta) => [meta.id, meta]));
        const changes: Change[] = [];
        for (const id of ids) {
          const before = [...metas.get(id)!.tags];
          const after = [...new Set([...before.filter((tag) => !remove.includes(tag)), ...add])];
          if (after.length !== before.length || after.some((tag, at) => tag !== before[at])) {
            changes.push({ kind: 'articleTags', articleId: id, before, after });
          }
        }
        const what = [...add.map((tag) => `+${tag}`), ...remove.map((tag) => `−${tag}`)].join(' ');
        return { label: `Tag ${articlesWord(changes.length)} ${what}`, changes, result: { changed: changes.length } };
      }),

    deleteArticles: ({ ids }) =>
      writes.commit(async () => {
        checkKnown(ids);
        const changes: Change[] = [];
        const gone: { annotationId: string }[] = [];
        for (const id of ids) {
          const record = await store.readRecord(id);
          gone.push(...record.annotations.map((a) => ({ annotationId: a.id })));
          changes.push({ kind: 'article', articleId: id, before: record, after: null });
        }
        const annotations = gone.length;
        // Claims and notes stop citing the highlights that go, in the same undo step.
        changes.push(...(await detachChanges(store, gone, now)));
        return { label: `Delete ${articlesWord(ids.length)}`, changes, result: { deleted: ids.length, annotations } };
      }),
  };
}
