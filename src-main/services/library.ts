/**
 * Library use cases: list, read, import, update and delete articles. Every change goes
 * through `saveRecord`/`removeArticle` of the store, one record at a time (see KeyedQueue).
 * When an article's text changes, its highlights are re-anchored in the new text.
 */
import type { NotebookHandlers } from '../common/api';
import { canonicalText } from '../common/anchoring/canonical-text';
import { docToHtml } from '../common/doc-to-html';
import { NotebookError } from '../common/errors';
import type { Article, ArticleFormat, ArticleMeta } from '../common/model';
import type { ArticleRecord } from '../store/notebook-files';
import type { NotebookStore } from '../store/notebook-store';
import { articleMeta } from '../store/notebook-store';
import { buildArticleBody, withoutTitleHeading, type ArticleBody } from './article-body';
import { newId } from './ids';
import { reanchorAnnotations } from './annotations';
import type { KeyedQueue } from './keyed-queue';

/** `importArticle` and `importUrl` are served by `import/import-service.ts`, which stores through `addArticle`. */
type LibraryHandlers = Pick<NotebookHandlers, 'listArticles' | 'getArticle' | 'updateArticle' | 'deleteArticle'>;

/** Metadata an import may fill besides the title and source. */
export type ImportExtras = Partial<Pick<ArticleMeta, 'dateline' | 'publishedAt' | 'byline' | 'siteName' | 'url' | 'fileName' | 'lang' | 'dir'>>;

const EXTRA_KEYS = ['dateline', 'publishedAt', 'byline', 'siteName', 'url', 'fileName', 'lang', 'dir'] as const;

/** A body ready to be stored, with where it came from. */
export interface NewArticle {
  format: ArticleFormat;
  body: ArticleBody;
  title?: string | undefined;
  source: string;
  extras?: ImportExtras;
}

/** Newest first, the order a library is read in. */
const byNewest = (a: ArticleMeta, b: ArticleMeta) => b.createdAt.localeCompare(a.createdAt) || a.title.localeCompare(b.title);

export function createLibrary(store: NotebookStore, queue: KeyedQueue, now: () => Date) {
  /** Stores a new article: one record written at once, so a failed import leaves nothing behind. */
  async function addArticle({ format, body, title = body.suggestedTitle, source, extras = {} }: NewArticle): Promise<ArticleMeta> {
    const stamp = now().toISOString();
    const article: Article = {
      id: newId('art'),
      title,
      source,
      ...extras,
      format,
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

  async function importArticle(arg: { format: 'text' | 'markdown'; content: string; title?: string; source?: string }, extras: ImportExtras = {}): Promise<ArticleMeta> {
    const source = arg.source ?? (arg.format === 'markdown' ? 'Pasted Markdown' : 'Pasted text');
    return addArticle({ format: arg.format, body: buildArticleBody(arg.format, arg.content), title: arg.title, source, extras });
  }

  /** Gives an article a new body in place: its title, tags and highlights stay; highlights are re-anchored. */
  function replaceBody(record: ArticleRecord, replacement: Omit<NewArticle, 'title'>): void {
    const { article } = record;
    // A re-import brings the new version's metadata; an edit of the text keeps the old.
    if (replacement.extras) for (const key of EXTRA_KEYS) delete article[key];
    Object.assign(article, replacement.extras ?? {}, {
      format: replacement.format,
      source: replacement.source,
      doc: withoutTitleHeading(replacement.body.doc, article.title),
      original: replacement.body.original,
      wordCount: replacement.body.wordCount,
    });
    record.annotations = reanchorAnnotations(record.annotations, canonicalText(article.doc));
  }

  /** Replaces an article's text with a new version of it (a re-import) in one write. */
  const replaceArticle = (id: string, replacement: Omit<NewArticle, 'title'>): Promise<ArticleMeta> =>
    queue.run(id, async () => {
      const record = await store.readRecord(id);
      replaceBody(record, replacement);
      record.article.updatedAt = now().toISOString();
      await store.saveRecord(record);
      return articleMeta(record.article);
    });

  const handlers: LibraryHandlers = {
    listArticles: async () => store.listArticles().sort(byNewest),

    async getArticle({ id }) {
      const { article } = await store.readRecord(id);
      const { original, doc, ...meta } = article;
      return { ...meta, original, doc, html: docToHtml(doc), text: canonicalText(doc) };
    },

    updateArticle: ({ id, title, content, tags }) =>
      queue.run(id, async () => {
        const record = await store.readRecord(id);
        const { article } = record;
        if (title !== undefined) article.title = title;
        if (tags !== undefined) article.tags = tags;
        if (content !== undefined) {
          // A PDF's stored original is its extracted text; a web page's is HTML, edited by re-importing.
          if (article.format === 'html') throw new NotebookError('invalid_argument', 'The text of a web page cannot be edited here: import its new version instead.');
          const body = buildArticleBody(article.format === 'markdown' ? 'markdown' : 'text', content);
          replaceBody(record, { format: article.format, body, source: article.source });
        }
        article.updatedAt = now().toISOString();
        await store.saveRecord(record);
        return articleMeta(article);
      }),

    deleteArticle: ({ id }) =>
      queue.run(id, async () => {
        // Reading first gives a clear "no longer in the notebook" for an unknown id.
        if (!store.hasArticle(id)) await store.readRecord(id);
        await store.removeArticle(id);
        return { id };
      }),
  };

  return { handlers, importArticle, addArticle, replaceArticle };
}
