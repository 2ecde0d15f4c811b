/**
 * Library use cases: list, read, import, update and delete articles. Every change is a
 * change set committed on the notebook's one write queue (see commit.ts).
 * When an article's text changes, its highlights are re-anchored in the new text.
 */
import type { NotebookHandlers } from '../common/api';
import { canonicalText } from '../common/anchoring/canonical-text';
import { docToHtml } from '../common/doc-to-html';
import { firstOfView, listingOf, pageOfIds } from '../common/library-view';
import { findById, idsInOrder } from '../store/id-positions';
import { compareIsoTimes } from '../common/iso-times';
import { NotebookError } from '../common/errors';
import type { Article, ArticleFormat, ArticleMeta } from '../common/model';
import type { ArticleRecord } from '../store/notebook-files';
import type { NotebookStore } from '../store/notebook-store';
import { articleMeta } from '../store/notebook-store';
import { buildArticleBody, withoutTitleHeading, type ArticleBody } from './article-body';
import { articleText } from './article-text';
import { newId } from './ids';
import { reanchorAnnotations } from './annotations';
import { detachChanges } from './claims-and-notes';
import type { Committer } from './commit';
import type { StagedRecords } from './stage-changes';
import { detailsOf, editDetails, sameDetails, withDetails } from './article-details';
import type { ArticleDetails } from '../store/notebook-files';
import { contentOf, legacyRevision } from '../common/merge/revisions';
import type { RecordId } from '../common/record-ids';
import { checkBase, unchangedPlan } from './stale-edit';

/** An article's metadata with its revision, which the listing leaves out: what the window's next edit is based on. */
const metaWithRev = (article: Article): ArticleMeta & { rev?: string } => ({ ...articleMeta(article), ...(article.rev ? { rev: article.rev } : {}) });

/** What undo will say: "Rename …" when only the title changed, else "Edit details of …". */
function detailsLabel(before: ArticleDetails, after: ArticleDetails): string {
  const onlyTitle = sameDetails({ ...before, title: after.title }, after);
  return onlyTitle ? `Rename “${before.title}”` : `Edit details of “${after.title}”`;
}

/** `importArticle` and `importUrl` are served by `import/import-service.ts`, which stores through `addArticle`. */
type LibraryHandlers = Pick<NotebookHandlers, 'listArticles' | 'getArticle' | 'updateArticle' | 'deleteArticle' | 'markArticleOpened'>;
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
  /** The same id, time and revision in every notebook (the sample article), instead of new ones. */
  fixed?: { id: RecordId<'article'>; addedAt: string };
}


/** Newest first, the order a library is read in. */
const byNewest = (a: ArticleMeta, b: ArticleMeta) => compareIsoTimes(b.createdAt, a.createdAt) || a.title.localeCompare(b.title);

export function createLibrary(store: NotebookStore, writes: Committer, now: () => Date) {
  /** Stores a new article: one record written at once, so a failed import leaves nothing behind. */
  async function addArticle({ format, body, title = body.suggestedTitle, source, extras = {}, fixed }: NewArticle): Promise<ArticleMeta> {
    const stamp = fixed?.addedAt ?? now().toISOString();
    const made: Article = {
      id: fixed?.id ?? newId('article'),
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
    const article: Article = fixed ? { ...made, rev: legacyRevision(contentOf(made)) } : made;
    // An import is not an undo step (deleting the article is how it is taken back).
    return writes.commit(() => ({
      label: `Import “${article.title}”`,
      changes: [{ kind: 'article', articleId: article.id, before: null, after: { article, annotations: [] } }],
      result: articleMeta(article),
      undoable: false,
      ...(fixed ? { revisions: 'keep' as const } : {}),
    }));
  }

  async function importArticle(
    arg: { format: 'text' | 'markdown'; content: string; title?: string; source?: string },
    extras: ImportExtras = {},
    fixed?: NewArticle['fixed'],
  ): Promise<ArticleMeta> {
    const source = arg.source ?? (arg.format === 'markdown' ? 'Pasted Markdown' : 'Pasted text');
    return addArticle({ format: arg.format, body: buildArticleBody(arg.format, arg.content), title: arg.title, source, extras, ...(fixed ? { fixed } : {}) });
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

  /** Replaces an article's text with a new version of it (a re-import) in one write and one undo step. */
  const replaceArticle = (id: string, replacement: Omit<NewArticle, 'title'>): Promise<ArticleMeta> =>
    writes.commit(async () => {
      const record = await store.readRecord(id);
      const previous = structuredClone(record);
      replaceBody(record, replacement);
      record.article.updatedAt = now().toISOString();
      return {
        label: `Re-import “${record.article.title}”`,
        changes: [{ kind: 'article', articleId: id, before: previous, after: record }],
        result: articleMeta(record.article),
      };
    });

  const handlers: LibraryHandlers = {
    listArticles: async ({ first, page }) => {
      if (first) return firstOfView(store.articleMetas(), store.annotationCount, first.view, first.tag, first.limit);
      if (page) {
        const metas = store.articleMetas();
        return pageOfIds(idsInOrder(metas), (id) => metas[findById(metas, id)]!, store.annotationCount, page.after, page.limit);
      }
      return store
        .articleMetas()
        .map((meta) => listingOf(meta, store.annotationCount))
        .sort(byNewest);
    },

    async getArticle({ id }) {
      const { article } = await store.viewRecord(id);
      const { original, doc, ...meta } = article;
      return { ...meta, original, doc, html: docToHtml(doc), text: articleText(doc) };
    },

    updateArticle: ({ id, content, baseRev, ...edit }) =>
      writes.commit(async (stamp) => {
        const record = await store.readRecord(id);
        const before = detailsOf(record.article);
        const after = editDetails(before, edit);
        const detailsChanged = !sameDetails(before, after);
        if (!detailsChanged && content === undefined) return unchangedPlan(metaWithRev(record.article));
        const previous = structuredClone(record);
        record.article = withDetails(record.article, after);
        if (content !== undefined) {
          const { article } = record;
          // A PDF's stored original is its extracted text; a web page's is HTML, edited by re-importing.
          if (article.format === 'html') throw new NotebookError('invalid_argument', 'The text of a web page cannot be edited here: import its new version instead.');
          const body = buildArticleBody(article.format === 'markdown' ? 'markdown' : 'text', content);
          replaceBody(record, { format: article.format, body, source: article.source });
        }
        record.article.updatedAt = stamp;
        if (checkBase({ kind: 'article', name: previous.article.title, baseRev }, previous.article, record.article) === 'unchanged') {
          return unchangedPlan(metaWithRev(previous.article));
        }
        const result = articleMeta(record.article);
        const resultOf = (staged: StagedRecords) => metaWithRev(staged.articles.get(id)?.article ?? record.article);
        // One undo step. A text change keeps the whole record; a details edit only the details.
        if (content !== undefined) return { label: `Edit “${after.title}”`, changes: [{ kind: 'article', articleId: id, before: previous, after: record }], result, resultOf };
        return { label: detailsLabel(before, after), changes: [{ kind: 'articleDetails', articleId: id, before, after }], result, resultOf };
      }),

    markArticleOpened: async ({ id }) =>
      // On a read-only notebook an article is read without noting it (the note is no change of the person's).
      store.readOnly
        ? articleMeta((await store.readRecord(id)).article)
        : writes.commit(async () => {
            const record = await store.readRecord(id);
            // Read once is read: later opens change nothing, so opening an article never rewrites
            // its file (nor re-indexes it for search) just to move a date.
            if (record.article.openedAt !== undefined) return { label: '', changes: [], result: articleMeta(record.article) };
            // The highlights stay the very same objects, which tells the windows not to fetch them again (see describeChange).
            const opened = { ...record, article: { ...record.article, openedAt: now().toISOString() } };
            // Machine-local: not an edit of the article (no new revision), nothing for a sync to send.
            return { label: 'Open', changes: [{ kind: 'article', articleId: id, before: record, after: opened }], result: articleMeta(opened.article), undoable: false, revisions: 'keep', machineLocal: true };
          }),

    deleteArticle: ({ id }) =>
      writes.commit(async () => {
        // Reading first gives a clear "no longer in the notebook" for an unknown id, and the
        // record is what undo puts back.
        const record = await store.readRecord(id);
        // Its highlights go with it: claims and notes stop citing them, in the same undo step.
        const detached = await detachChanges(store, record.annotations.map((a) => ({ annotationId: a.id })), now);
        return { label: `Delete “${record.article.title}”`, changes: [{ kind: 'article', articleId: id, before: record, after: null }, ...detached], result: { id } };
      }),
  };

  return { handlers, importArticle, addArticle, replaceArticle };
}
