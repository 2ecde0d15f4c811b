/**
 * The notebook folder on disk. `notebook.json` is the index (the colour legend, and metadata
 * of every article, claim and note); `articles/<id>.json` holds an article with its
 * highlights, `claims/<id>.json` a claim, `notes/<id>.json` a note; `notebook.journal` holds
 * what changed in the index since notebook.json was written, `history.log` the undo steps.
 * Each record file is its own lowdb instance with a validating adapter, so a user action
 * rewrites only the records it touches and appends a line to the journal and the history.
 *
 * The record files are the truth and the index is a cache of their metadata: on open, files
 * missing from the index are added back and index entries without a file are dropped, so a
 * crash between the two writes loses nothing. A file that cannot be read is quarantined and
 * reported, and the rest of the notebook opens.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { NotebookError } from '../common/errors';
import { DEFAULT_LEGEND } from '../common/annotation-schema';
import { claimSchema, noteSchema } from '../common/research-schema';
import type { Annotation, Article, ArticleMeta, Claim, ColorLegend, Note, NoteMeta, QuarantinedFile } from '../common/model';
import { recordFilePattern } from '../common/record-ids';
import { removeFileDurably } from './atomic-file';
import { snapshotBeforeMigration, snapshotDaily } from './backups';
import { lockFolder } from './folder-lock';
import { HistoryLog } from './history-log';
import { findById } from './id-positions';
import { highlightCache } from './highlight-cache';
import { HIGHLIGHT_INDEX_FILE, HighlightIndex, type ArticleHighlights } from './highlight-index';
import { IndexFile } from './index-file';
import { openJournal, type JournalEntry } from './metadata-journal';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import {
  ARTICLES_DIR,
  HISTORY_FILE,
  NOTEBOOK_FILE,
  NOTES_DIR,
  CLAIMS_DIR,
  articleAnnotationsSchema,
  articleFileName,
  articleFileSchema,
  historyFileSchema,
  notebookFileSchema,
  type ArticleFile,
  type ArticleRecord,
  type HistoryFile,
  type NotebookFile,
} from './notebook-files';
import { quarantineFile } from './quarantine';
import { RecordCache, type Db } from './record-cache';
import { RecordFolder } from './record-folder';
import { UnreadableFileError, ValidatedJsonFile } from './validated-json-file';

export interface NotebookStore {
  readonly dir: string;
  /** Files set aside since the notebook was opened. */
  readonly quarantined: readonly QuarantinedFile[];
  /** True when the folder held no notebook before this open. */
  readonly isNew: boolean;
  listArticles(): ArticleMeta[];
  /** The index's own article metadata, not a copy: to read, never to change. */
  articleMetas(): readonly ArticleMeta[];
  /** How many annotations an article holds, from the index (0 when it is not there). */
  annotationCount(id: string): number;
  /**
   * Every tagged highlight, with its tags and article, from the highlight index (read on first
   * use; rebuilt from the article files when it is missing or damaged).
   */
  taggedHighlights(): Promise<{ annotationId: string; articleId: string; tags: readonly string[] }[]>;
  /** How many annotations each article holds, from the index (no article file is read). */
  annotationCounts(): Map<string, number>;
  hasArticle(id: string): boolean;
  /** An article's title, from the index (undefined when it is not in the notebook). */
  articleTitle(id: string): string | undefined;
  /**
   * An article's annotations (a copy). When the article is not in memory, its file is read
   * past the cache and only its annotations are checked: listing claims reads hundreds of
   * articles for their cited passages, and checking each text would cost ten times more.
   */
  readAnnotations(id: string): Promise<Annotation[]>;
  /** An article and its annotations (a copy: change it and `saveRecord` it). */
  readRecord(id: string): Promise<ArticleRecord>;
  /**
   * An article and its annotations as the store holds them, not a copy: to read, never to
   * change. Copying a 50 KB article's tree for each highlight cost more than writing it.
   */
  viewRecord(id: string): Promise<Readonly<ArticleRecord>>;
  /**
   * Writes the article's file, then its entries in the index. The store keeps `record` as it is
   * (no copy) and hands it to the change listeners: do not change it, or anything in it, after.
   */
  saveRecord(record: ArticleRecord): Promise<void>;
  removeArticle(id: string): Promise<void>;
  /** The article that holds an annotation, or undefined when no article does. */
  findAnnotation(id: string): Promise<string | undefined>;
  legend(): ColorLegend;
  saveLegend(legend: ColorLegend): Promise<void>;
  /** Undo and redo steps (read from disk on first use). */
  history(): Promise<HistoryLog>;
  claims(): Claim[];
  saveClaim(claim: Claim): Promise<void>;
  removeClaim(id: string): Promise<void>;
  noteMetas(): NoteMeta[];
  readNote(id: string): Promise<Note>;
  /** Writes the note's file, then its metadata and links in the index. */
  saveNote(note: Note): Promise<void>;
  removeNote(id: string): Promise<void>;
  /**
   * Calls `listener` after each record is written or removed, in the order of the writes: the
   * one place derived data (the search index) learns of every change, whichever service or
   * undo step made it. Returns a function that stops the calls.
   */
  onChange(listener: (change: StoreChange) => void): () => void;
  /** Resolves when every write so far is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** A record as it is after a write (the store's own: read, never change); `null` when it was removed. */
export type StoreChange =
  | { kind: 'article'; id: string; record: ArticleRecord | null }
  | { kind: 'claim'; id: string; claim: Claim | null }
  | { kind: 'note'; id: string; note: Note | null };

export interface StoreOptions {
  now?: () => Date;
  /** Size at which the metadata journal is folded into notebook.json (tests make it small). */
  compactAtBytes?: number;
  /** Size at which the history log is compacted (tests make it small). */
  historyMaxBytes?: number;
  /** How many article files to keep parsed in memory (tests make it small). */
  articleCacheLimit?: number;
}

/**
 * Article files kept parsed in memory, the most recently used: an article is ~100 KB there, so
 * this holds ~20 MB however large the notebook, and covers the articles of a reading session.
 */
export const ARTICLE_CACHE_LIMIT = 200;

export type { ArticleRecord } from './notebook-files';

export function noteMeta(note: Note): NoteMeta {
  const { body: _body, ...meta } = note;
  return structuredClone(meta);
}

export function articleMeta(article: Article): ArticleMeta {
  const { original: _original, doc: _doc, ...meta } = article;
  return meta;
}

/** What the highlight index keeps of an article's annotations: their ids, and the tags of the tagged. */
function highlightsOf(annotations: readonly Annotation[]): ArticleHighlights {
  return {
    annotations: annotations.map((a) => a.id),
    tagged: Object.fromEntries(annotations.filter((a) => a.tags.length > 0).map((a) => [a.id, [...a.tags]])),
  };
}

/**
 * A notebook.json from before highlights.index held the annotation → article map (and, later,
 * the tags) itself: take them out of it, as an index to adopt when the tags were there too (an
 * older one is rebuilt from the article files on first use), and count highlights per article.
 */
function takeLegacyHighlights(data: NotebookFile): { index: HighlightIndex | undefined } | undefined {
  const { annotations, annotationTags } = data;
  if (!annotations) return undefined;
  delete data.annotations;
  delete data.annotationTags;
  const byArticle = new Map<string, ArticleHighlights>();
  for (const annotationId in annotations) {
    const articleId = annotations[annotationId]!;
    const entry = byArticle.get(articleId) ?? { annotations: [], tagged: {} };
    byArticle.set(articleId, entry);
    entry.annotations.push(annotationId);
    const tags = annotationTags?.[annotationId];
    if (tags) entry.tagged[annotationId] = tags;
  }
  data.highlightCounts = Object.fromEntries([...byArticle].map(([articleId, entry]) => [articleId, entry.annotations.length]));
  if (!annotationTags) return { index: undefined };
  const index = new HighlightIndex();
  for (const [articleId, entry] of byArticle) index.set(articleId, entry);
  return { index };
}


export async function openStore(dir: string, options: StoreOptions = {}): Promise<NotebookStore> {
  const now = options.now ?? (() => new Date());
  await mkdir(join(dir, ARTICLES_DIR), { recursive: true });
  const lock = await lockFolder(dir);
  try {
    return await loadStore(dir, now, lock.release, options);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function loadStore(dir: string, now: () => Date, releaseLock: () => Promise<void>, options: StoreOptions): Promise<NotebookStore> {
  const quarantined: QuarantinedFile[] = [];
  const setAside = async (error: UnreadableFileError): Promise<string> => {
    const moved = await quarantineFile(dir, error.path, error.reason, now());
    quarantined.push(moved);
    return moved.movedTo;
  };
  const articleDbs = new RecordCache<ArticleFile>(
    (id) => join(dir, articleFileName(id)),
    articleFileSchema as z.ZodType<ArticleFile | null>,
    options.articleCacheLimit ?? ARTICLE_CACHE_LIMIT,
  );
  const articleDb = (id: string) => articleDbs.get(id) as Db<ArticleFile>;
  const emptyIndex = (): NotebookFile => ({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    createdAt: now().toISOString(),
    legend: { ...DEFAULT_LEGEND },
    articles: [],
    highlightCounts: {},
    claims: [],
    notes: [],
  });
  const index = new Low(new IndexFile(join(dir, NOTEBOOK_FILE), notebookFileSchema), emptyIndex()) as Low<NotebookFile> & { adapter: IndexFile<NotebookFile> };

  let indexFound = false;
  try {
    await index.read();
    indexFound = index.adapter.lastRead !== undefined;
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    await setAside(error);
    index.data = emptyIndex();
  }
  if (index.adapter.lastRead?.migrated) await snapshotBeforeMigration(dir, index.adapter.lastRead.from, now());
  const legacy = takeLegacyHighlights(index.data);
  const counts = () => (index.data.highlightCounts ??= {});
  /** Reads every article file past the cache (keeping them all would cost more than the index). */
  const rebuildHighlights = async (): Promise<HighlightIndex> => {
    const built = new HighlightIndex();
    for (const meta of [...index.data.articles]) {
      const file = await new ValidatedJsonFile(join(dir, articleFileName(meta.id)), articleFileSchema).read().catch(() => null);
      if (!file) continue;
      const held = highlightsOf(file.annotations);
      built.set(meta.id, held);
      counts()[meta.id] = held.annotations.length;
    }
    return built;
  };
  const highlights = highlightCache({ path: join(dir, HIGHLIGHT_INDEX_FILE), adopted: legacy?.index, rebuild: () => rebuildHighlights(),
    rebuilt: () => void journal.compact().catch((error: unknown) => console.error('Could not save the rebuilt highlight index:', error)),
  });
  // What changed since notebook.json was last written is in the journal.
  const { journal, replayed } = await openJournal(
    dir,
    index.data,
    // highlights.index first: the journal is emptied only once both files hold what it held.
    async () => {
      await highlights.save();
      await index.write();
    },
    options.compactAtBytes,
    (entry) => {
      if (entry.kind === 'article') highlights.apply(entry.id, entry.meta ? { annotations: entry.annotations, tagged: entry.tagged } : null);
    },
  );

  // Reconcile the index with the article files, the source of truth.
  const fileIds = (await readdir(join(dir, ARTICLES_DIR)))
    .filter((name) => recordFilePattern('article').test(name))
    .map((name) => name.slice(0, -'.json'.length));
  const onDisk = new Set(fileIds);
  const indexed = new Set(index.data.articles.map((a) => a.id));
  let indexChanged = !indexFound || index.adapter.lastRead?.migrated === true || replayed > 0 || legacy !== undefined;
  const kept = index.data.articles.filter((meta) => onDisk.has(meta.id));
  if (kept.length !== index.data.articles.length) {
    indexChanged = true;
    for (const meta of index.data.articles.filter((meta) => !onDisk.has(meta.id))) {
      delete counts()[meta.id];
      highlights.apply(meta.id, null);
    }
  }
  index.data.articles = kept;
  for (const id of fileIds.filter((id) => !indexed.has(id))) {
    try {
      const db = articleDb(id);
      await db.read();
      index.data.articles.push(articleMeta(db.data.article));
      counts()[id] = db.data.annotations.length;
      highlights.apply(id, highlightsOf(db.data.annotations));
      indexChanged = true;
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      articleDbs.delete(id);
      await setAside(error);
    }
  }
  // Notes and claims: one file per record, cached in the index like articles.
  const notes = new RecordFolder<Note, NoteMeta>({
    dir,
    folder: NOTES_DIR,
    kind: 'note',
    noun: 'note',
    schema: noteSchema,
    metaOf: noteMeta,
    index: { get: () => index.data.notes, set: (list) => (index.data.notes = list), changed: (id, meta) => journal.record([{ kind: 'note', id, meta }]) },
    setAside,
  });
  const claims = new RecordFolder<Claim, Claim>({
    dir,
    folder: CLAIMS_DIR,
    kind: 'claim',
    noun: 'claim',
    schema: claimSchema,
    metaOf: (claim) => structuredClone(claim),
    index: { get: () => index.data.claims, set: (list) => (index.data.claims = list), changed: (id, claim) => journal.record([{ kind: 'claim', id, claim }]) },
    setAside,
  });
  const noteFiles = await notes.reconcile();
  const claimFiles = await claims.reconcile();
  if (noteFiles.changed || claimFiles.changed) indexChanged = true;
  const isNew = !indexFound && fileIds.length === 0 && noteFiles.ids.length === 0 && claimFiles.ids.length === 0 && quarantined.length === 0;
  // Open folds the journal into notebook.json and highlights.index: one rewrite per open, none
  // per change. In the background: it needs the highlight index, the window's first answers do not.
  const settling = (indexChanged ? journal.compact() : Promise.resolve())
    .then(() => snapshotDaily(dir, now()))
    .catch((error: unknown) => console.error('Could not fold the journal into the notebook index:', error));

  const listeners = new Set<(change: StoreChange) => void>();
  const emit = (change: StoreChange) => {
    for (const listener of listeners) {
      try {
        listener(change);
      } catch (error) {
        // A listener's bug must not turn a saved change into a reported failure.
        console.error('A notebook change listener failed:', error);
      }
    }
  };

  /** Reports `change` once `write` is done (a failed write reports nothing). */
  const thenEmit = async (write: Promise<void>, change: StoreChange) => {
    await write;
    emit(change);
  };

  const metaIndex = (id: string) => findById(index.data.articles, id);

  const recordArticle = (entry: JournalEntry) => journal.record([entry]);

  const forget = async (id: string) => {
    articleDbs.delete(id);
    await recordArticle({ kind: 'article', id, meta: null, annotations: [], tagged: {} });
    emit({ kind: 'article', id, record: null });
  };

  /** Loads an article's file once; a file that cannot be read is quarantined and reported. */
  const loadArticle = async (id: string): Promise<ArticleFile> => {
    const meta = index.data.articles[metaIndex(id)];
    if (!meta) throw new NotebookError('not_found', 'That article is no longer in the notebook.');
    let file: ArticleFile | null;
    try {
      file = await articleDbs.load(id);
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      await setAside(error);
      await forget(id);
      const moved = quarantined.at(-1)!;
      throw new NotebookError(
        'storage',
        `The file of “${meta.title}” could not be read (${error.reason}). It was moved to ${moved.movedTo}; the rest of the notebook is unaffected.`,
      );
    }
    if (!file) {
      await forget(id);
      throw new NotebookError('not_found', `The file of “${meta.title}” is missing from the notebook folder.`);
    }
    return file;
  };

  /** The history log, opened on first use; a history.json from before the log is folded into it. */
  let history: Promise<HistoryLog> | undefined;
  const openHistory = async (): Promise<HistoryLog> => {
    const legacyFile = new ValidatedJsonFile(join(dir, HISTORY_FILE), historyFileSchema);
    let legacy: HistoryFile | null = null;
    try {
      legacy = await legacyFile.read();
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      // Losing undo history must not stop the notebook from opening.
      await setAside(error);
    }
    const log = await HistoryLog.open(dir, legacy, options.historyMaxBytes);
    if (legacy) await removeFileDurably(join(dir, HISTORY_FILE));
    return log;
  };

  const store: NotebookStore = {
    dir,
    quarantined,
    isNew,
    listArticles: () => index.data.articles.map((meta) => ({ ...meta, tags: [...meta.tags] })),
    articleMetas: () => index.data.articles,
    annotationCount: (id) => counts()[id] ?? 0,
    hasArticle: (id) => metaIndex(id) >= 0,
    articleTitle: (id) => index.data.articles[metaIndex(id)]?.title,
    async taggedHighlights() {
      return [...(await highlights.loaded()).tagged()];
    },
    annotationCounts: () => new Map(Object.entries(counts())),

    async readAnnotations(id) {
      const held = articleDbs.peek(id);
      if (held) return structuredClone(held.annotations);
      const light = await readFile(join(dir, articleFileName(id)), 'utf8')
        .then((text) => articleAnnotationsSchema.safeParse(JSON.parse(text)))
        .catch(() => null);
      if (light?.success && light.data.schemaVersion === CURRENT_SCHEMA_VERSION && metaIndex(id) >= 0) return light.data.annotations;
      // Anything else takes the full read, which migrates, or sets a damaged file aside and says so.
      return structuredClone((await loadArticle(id)).annotations);
    },

    async readRecord(id) {
      return structuredClone(await store.viewRecord(id));
    },

    async viewRecord(id) {
      const file = await loadArticle(id);
      return { article: file.article, annotations: file.annotations };
    },

    async saveRecord({ article, annotations }) {
      const db = articleDb(article.id);
      const previous = db.data;
      db.data = { schemaVersion: CURRENT_SCHEMA_VERSION, article, annotations };
      try {
        await db.write();
      } catch (error) {
        db.data = previous;
        throw new NotebookError('storage', `Could not save “${article.title}”: ${(error as Error).message}. What was saved before is unchanged.`);
      }
      const entry: JournalEntry = { kind: 'article', id: article.id, meta: articleMeta(article), ...highlightsOf(annotations) };
      await recordArticle(entry);
      emit({ kind: 'article', id: article.id, record: { article, annotations } });
    },

    async removeArticle(id) {
      await removeFileDurably(join(dir, articleFileName(id)));
      await forget(id);
    },

    async findAnnotation(id) {
      const known = (await highlights.loaded()).holder(id);
      if (known && metaIndex(known) >= 0) return known;
      // The index is a cache: after a crash between an article write and the index write it
      // can miss an annotation, so look through the articles once and mend it.
      for (const meta of [...index.data.articles]) {
        const file = await loadArticle(meta.id).catch(() => undefined);
        if (file?.annotations.some((a) => a.id === id)) {
          counts()[meta.id] = file.annotations.length;
          highlights.apply(meta.id, highlightsOf(file.annotations));
          return meta.id;
        }
      }
      return undefined;
    },

    legend: () => ({ ...index.data.legend }),

    async saveLegend(legend) {
      try {
        await journal.record([{ kind: 'legend', legend: { ...legend } }]);
      } catch (error) {
        throw new NotebookError('storage', `Could not save the colour legend: ${(error as Error).message}.`);
      }
    },

    history() {
      history ??= openHistory();
      history.catch(() => (history = undefined));
      return history;
    },

    claims: () => structuredClone(index.data.claims),
    saveClaim: (claim) => thenEmit(claims.save(claim), { kind: 'claim', id: claim.id, claim: structuredClone(claim) }),
    removeClaim: (id) => thenEmit(claims.remove(id), { kind: 'claim', id, claim: null }),
    noteMetas: () => structuredClone(index.data.notes),
    readNote: (id) => notes.read(id),
    saveNote: (note) => thenEmit(notes.save(note), { kind: 'note', id: note.id, note: structuredClone(note) }),
    removeNote: (id) => thenEmit(notes.remove(id), { kind: 'note', id, note: null }),

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async flush() {
      await settling;
      await journal.idle();
      await index.adapter.idle();
      await notes.idle();
      await claims.idle();
      await (await history?.catch(() => undefined))?.idle();
      await articleDbs.idle();
    },

    async close() {
      await store.flush();
      await journal.close();
      await (await history?.catch(() => undefined))?.close();
      await releaseLock();
    },
  };
  return store;
}
