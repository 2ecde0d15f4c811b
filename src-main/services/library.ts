/**
 * Library use cases: list, read, import, update and delete articles. Every change goes
 * through `saveRecord`/`removeArticle` of the store, one record at a time (see KeyedQueue).
 * When an article's text changes, its highlights are re-anchored in the new text.
 */
import type { ApiParsedArg, NotebookHandlers } from '../common/api';
import { canonicalText } from '../common/anchoring/canonical-text';
import { docToHtml } from '../common/doc-to-html';
import type { Article, ArticleMeta } from '../common/model';
import type { NotebookStore } from '../store/notebook-store';
import { articleMeta } from '../store/notebook-store';
import { buildArticleBody, withoutTitleHeading } from './article-body';
import { newId } from './ids';
import { reanchorAnnotations } from './annotations';
import type { KeyedQueue } from './keyed-queue';
import type { History } from './history';
import { detailsOf, editDetails, sameDetails, withDetails } from './article-details';
import type { ArticleDetails } from '../store/notebook-files';

/** What undo will say: "Rename …" when only the title changed, else "Edit details of …". */
function detailsLabel(before: ArticleDetails, after: ArticleDetails): string {
  const onlyTitle = sameDetails({ ...before, title: after.title }, after);
  return onlyTitle ? `Rename “${before.title}”` : `Edit details of “${after.title}”`;
}

type LibraryHandlers = Pick<
  NotebookHandlers,
  'listArticles' | 'getArticle' | 'importArticle' | 'updateArticle' | 'deleteArticle' | 'markArticleOpened'
>;

export interface ImportExtras {
  dateline?: string;
  publishedAt?: string;
  byline?: string;
}

/** Newest first, the order a library is read in. */
const byNewest = (a: ArticleMeta, b: ArticleMeta) => b.createdAt.localeCompare(a.createdAt) || a.title.localeCompare(b.title);

export function createLibrary(store: NotebookStore, queue: KeyedQueue, now: () => Date, history: History) {
  async function importArticle(arg: ApiParsedArg<'importArticle'>, extras: ImportExtras = {}): Promise<ArticleMeta> {
    const body = buildArticleBody(arg.format, arg.content);
    const stamp = now().toISOString();
    const title = arg.title ?? body.suggestedTitle;
    const article: Article = {
      id: newId('art'),
      title,
      source: arg.source ?? (arg.format === 'markdown' ? 'Pasted Markdown' : 'Pasted text'),
      ...extras,
      format: arg.format,
      tags: [],
      wordCount: body.wordCount,
      createdAt: stamp,
      updatedAt: stamp,
      original: body.original,
      doc: withoutTitleHeading(body.doc, title),
    };
    await queue.run(article.id, () => store.saveRecord({ article, annotations: [] }));
    return articleMeta(article);
  }

  const handlers: LibraryHandlers = {
    listArticles: async () => {
      const counts = store.annotationCounts();
      return store
        .listArticles()
        .sort(byNewest)
        .map((meta) => ({ ...meta, annotationCount: counts.get(meta.id) ?? 0 }));
    },

    async getArticle({ id }) {
      const { article } = await store.readRecord(id);
      const { original, doc, ...meta } = article;
      return { ...meta, original, doc, html: docToHtml(doc), text: canonicalText(doc) };
    },

    importArticle: (arg) => importArticle(arg),

    updateArticle: ({ id, content, ...edit }) =>
      queue.run(id, async () => {
        const record = await store.readRecord(id);
        const before = detailsOf(record.article);
        const after = editDetails(before, edit);
        const detailsChanged = !sameDetails(before, after);
        if (!detailsChanged && content === undefined) return articleMeta(record.article);
        const previous = structuredClone(record);
        record.article = withDetails(record.article, after);
        if (content !== undefined) {
          const { article } = record;
          const body = buildArticleBody(article.format, content);
          Object.assign(article, { doc: withoutTitleHeading(body.doc, article.title), original: body.original, wordCount: body.wordCount });
          record.annotations = reanchorAnnotations(record.annotations, canonicalText(article.doc));
        }
        record.article.updatedAt = now().toISOString();
        await store.saveRecord(record);
        // One undo step. A text change keeps the whole record; a details edit only the details.
        if (content !== undefined) await history.record(`Edit “${after.title}”`, [{ kind: 'article', articleId: id, before: previous, after: record }]);
        else await history.record(detailsLabel(before, after), [{ kind: 'articleDetails', articleId: id, before, after }]);
        return articleMeta(record.article);
      }),

    markArticleOpened: ({ id }) =>
      queue.run(id, async () => {
        const record = await store.readRecord(id);
        record.article.openedAt = now().toISOString();
        await store.saveRecord(record);
        return articleMeta(record.article);
      }),

    deleteArticle: ({ id }) =>
      queue.run(id, async () => {
        // Reading first gives a clear "no longer in the notebook" for an unknown id, and the
        // record is what undo puts back.
        const record = await store.readRecord(id);
        await store.removeArticle(id);
        await history.record(`Delete “${record.article.title}”`, [{ kind: 'article', articleId: id, before: record, after: null }]);
        return { id };
      }),
  };

  return { handlers, importArticle };
}
