/**
 * The article files, `articles/<id>.json`: each holds an article's text and metadata with its
 * highlights, and is the truth the metadata cache is derived from. The files used last stay
 * parsed in memory (a bounded `RecordCache`); a file that cannot be read is quarantined and
 * reported, and the article is dropped from the cache, so the rest of the notebook opens.
 *
 * A highlight reads and saves an article, so `viewRecord` and `saveRecord` copy nothing: the
 * store hands out its own record to read and keeps the record it is given to save. Saving writes
 * the file, then the article's journal entry, then tells the listeners.
 *
 * On open, `reconcile` makes the cache agree with the files: entries without a file are dropped
 * and files without an entry are read and added, so a crash between the two writes loses nothing.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { NotebookError } from '../common/errors';
import type { Article, ArticleMeta, DamagedFile } from '../common/model';
import { recordFilePattern } from '../common/record-ids';
import { removeFileDurably } from './atomic-file';
import { fileStamp } from './file-stamp';
import { highlightsOf } from './highlight-index';
import type { MetadataCache } from './metadata-cache';
import type { ArticleEntry, JournalEntry } from './metadata-journal';
import { stableJson } from '../common/merge/stable-json';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import { ARTICLES_DIR, articleAnnotationsSchema, articleFileName, articleFileSchema, type ArticleFile } from './notebook-files';
import type { NotebookStore, StoreChange } from './notebook-store';
import { whereNow, type Quarantine } from './quarantine';
import { RecordCache, type Db } from './record-cache';
import { UnreadableFileError } from './validated-json-file';
import { saveFailed } from './write-failure';

/**
 * An article longer than this is written a slice at a time: its text is made between turns of
 * the event loop. One kept whole from a page of 80,000 table cells is a 19 MB file, which took
 * 60–140 ms to stringify at once; a 20 KB article takes ~0.2 ms, and slices would only add to it.
 */
const WRITTEN_IN_SLICES_WORDS = 10_000;

export function articleMeta(article: Article): ArticleMeta {
  const { original: _original, doc: _doc, rev: _rev, revs: _revs, conflicts: _conflicts, ...meta } = article;
  return meta;
}

export interface ArticleFolderOptions {
  dir: string;
  metadata: MetadataCache;
  quarantine: Quarantine;
  /** How many article files to keep parsed in memory (see RecordCache). */
  cacheLimit: number;
  /** Told of each article written or removed, once its journal entry is recorded. */
  emit(change: StoreChange): void;
}

/** The store's calls that read or write article files (their promises are on NotebookStore). */
export interface ArticleFolder extends Pick<NotebookStore, 'readAnnotations' | 'readRecord' | 'viewRecord' | 'saveRecord' | 'removeArticle' | 'findAnnotation'> {
  /** Makes the metadata cache agree with the article files; returns the ids of the files found. */
  reconcile(): Promise<{ ids: string[]; changed: boolean }>;
  /**
   * Makes the cache agree with the files of articles whose journal entries may be ahead of them
   * (MetadataCache.unconfirmed: the last commit's, after a crash).
   */
  confirm(entries: readonly ArticleEntry[]): Promise<void>;
  /** Sets aside the article's file, found damaged, and drops the article (see NotebookStore.setAsideRecord). */
  setAside(id: string, error: UnreadableFileError): Promise<DamagedFile>;
  /** Resolves when every write so far is on disk. */
  idle(): Promise<void>;
}

/** The journal entry of an article record as it is. */
const entryOf = ({ article, annotations }: { article: Article; annotations: ArticleFile['annotations'] }): ArticleEntry => ({
  kind: 'article',
  id: article.id,
  meta: articleMeta(article),
  ...highlightsOf(annotations),
});

/** The journal entry of an article no longer in the notebook. */
const removalOf = (id: string): ArticleEntry => ({ kind: 'article', id, meta: null, annotations: [], tagged: {} });

export function articleFolder({ dir, metadata, quarantine, cacheLimit, emit }: ArticleFolderOptions): ArticleFolder {
  const articleDbs = new RecordCache<ArticleFile>(
    (id) => join(dir, articleFileName(id)),
    articleFileSchema as z.ZodType<ArticleFile | null>,
    cacheLimit,
    (file) => file !== null && file.article.wordCount > WRITTEN_IN_SLICES_WORDS,
  );
  const articleDb = (id: string) => articleDbs.get(id) as Db<ArticleFile>;
  const recordArticle = (entry: JournalEntry) => metadata.journal.record([entry]);

  const forget = async (id: string) => {
    articleDbs.delete(id);
    await recordArticle(removalOf(id));
    emit({ kind: 'article', id, record: null });
  };

  /**
   * Sets aside a damaged article file and drops the article from the cache (no backup holds an
   * article's text). Dropped first: once the file is on the Damaged files list, a restore must
   * not find the article still there.
   */
  const setAside = async (id: string, error: UnreadableFileError) => {
    const title = metadata.articleTitle(id);
    if (metadata.articleAt(id) >= 0) await forget(id);
    else articleDbs.delete(id);
    return quarantine.setAside(error, { record: { kind: 'article', id, ...(title ? { title } : {}) } });
  };

  /** Loads an article's file once; a file that cannot be read is quarantined and reported. */
  const loadArticle = async (id: string): Promise<ArticleFile> => {
    const meta = metadata.data.articles[metadata.articleAt(id)];
    if (!meta) throw new NotebookError('not_found', 'That article is no longer in the notebook.');
    let file: ArticleFile | null;
    try {
      file = await articleDbs.load(id);
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      const entry = await setAside(id, error);
      throw new NotebookError(
        'storage',
        `The file of “${meta.title}” could not be read (${error.reason}). ${whereNow(entry)}; the rest of the notebook is unaffected (see Damaged files).`,
      );
    }
    if (!file) {
      await forget(id);
      throw new NotebookError('not_found', `The file of “${meta.title}” is missing from the notebook folder.`);
    }
    return file;
  };

  const viewRecord = async (id: string) => {
    const file = await loadArticle(id);
    return { article: file.article, annotations: file.annotations };
  };

  return {
    async reconcile() {
      const fileIds = (await readdir(join(dir, ARTICLES_DIR)))
        .filter((name) => recordFilePattern('article').test(name))
        .map((name) => name.slice(0, -'.json'.length));
      const onDisk = new Set(fileIds);
      const { data } = metadata;
      const indexed = new Set(data.articles.map((a) => a.id));
      let changed = false;
      const kept = data.articles.filter((meta) => onDisk.has(meta.id));
      if (kept.length !== data.articles.length) {
        changed = true;
        for (const meta of data.articles.filter((meta) => !onDisk.has(meta.id))) metadata.setHighlights(meta.id, null);
      }
      data.articles = kept;
      for (const id of fileIds.filter((id) => !indexed.has(id))) {
        try {
          const db = articleDb(id);
          await db.read();
          data.articles.push(articleMeta(db.data.article));
          metadata.setHighlights(id, db.data.annotations);
          changed = true;
        } catch (error) {
          if (!(error instanceof UnreadableFileError)) throw error;
          articleDbs.delete(id);
          await quarantine.setAside(error, { record: { kind: 'article', id } });
        }
      }
      return { ids: fileIds, changed };
    },

    async readAnnotations(id) {
      const held = articleDbs.peek(id);
      if (held) return structuredClone(held.annotations);
      const light = await readFile(join(dir, articleFileName(id)), 'utf8')
        .then((text) => articleAnnotationsSchema.safeParse(JSON.parse(text)))
        .catch(() => null);
      if (light?.success && light.data.schemaVersion === CURRENT_SCHEMA_VERSION && metadata.articleAt(id) >= 0) return light.data.annotations;
      // Anything else takes the full read, which migrates, or sets a damaged file aside and says so.
      return structuredClone((await loadArticle(id)).annotations);
    },

    async readRecord(id) {
      return structuredClone(await viewRecord(id));
    },

    viewRecord,

    async saveRecord({ article, annotations }, commit) {
      const db = articleDb(article.id);
      const previous = db.data;
      db.data = { schemaVersion: CURRENT_SCHEMA_VERSION, article, annotations };
      const entry = entryOf({ article, annotations });
      // A commit's entry is written beside the file, not after it: a highlight then waits for
      // two fsyncs at once (~1-2.6 ms less at the p95 at 10,000 articles). The open after a crash
      // checks the last commit's entries against the files (see `confirm`).
      const ahead = commit === undefined ? undefined : metadata.journal.recordAhead([{ ...entry, commit }]);
      try {
        try {
          await db.write();
        } catch (error) {
          db.data = previous;
          if (ahead) {
            // The entry went ahead of a file that was not written: take it back, to what the
            // record was (read again if it was not held: a new article has no file).
            await ahead.written.catch(() => undefined);
            const before = previous ?? (await db.adapter.read().catch(() => null));
            await recordArticle(before ? entryOf(before) : removalOf(article.id)).catch(
              (cause: unknown) => console.error('Could not take back a journal entry:', cause),
            );
          }
          throw saveFailed(`“${article.title}”`, error);
        }
        // Read before anything else can write the file: the write queue lets one write of a record through at a time.
        const stamp = await fileStamp(join(dir, articleFileName(article.id)));
        await (ahead ? ahead.written : recordArticle(entry));
        emit({ kind: 'article', id: article.id, record: { article, annotations }, ...(stamp ? { stamp } : {}) });
      } finally {
        ahead?.done();
      }
    },

    async confirm(entries) {
      for (const ahead of entries) {
        // Gone by now (reconcile dropped an entry without a file): nothing to check.
        if (metadata.articleAt(ahead.id) < 0) continue;
        // A file that cannot be read is set aside by loadArticle, which drops the article.
        const file = await loadArticle(ahead.id).catch(() => undefined);
        if (!file) continue;
        const { commit: _commit, ...claimed } = ahead;
        const written = entryOf(file);
        // The entry is what the cache holds of the article since the journal was replayed.
        if (stableJson(claimed) !== stableJson(written)) await recordArticle(written);
      }
    },

    async removeArticle(id) {
      await removeFileDurably(join(dir, articleFileName(id)));
      await forget(id);
    },

    async findAnnotation(id) {
      const known = (await metadata.highlightIndex()).holder(id);
      if (known && metadata.articleAt(known) >= 0) return known;
      // The cache can miss an annotation after a crash between an article write and its journal
      // entry, so look through the articles once and mend it.
      for (const meta of [...metadata.data.articles]) {
        const file = await loadArticle(meta.id).catch(() => undefined);
        if (file?.annotations.some((a) => a.id === id)) {
          metadata.setHighlights(meta.id, file.annotations);
          return meta.id;
        }
      }
      return undefined;
    },

    setAside,
    idle: () => articleDbs.idle(),
  };
}
