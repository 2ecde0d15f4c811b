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
import { mkdir, readdir } from 'node:fs/promises';
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
import { IndexFile } from './index-file';
import { applyEntry, openJournal, type JournalEntry } from './metadata-journal';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import {
  ARTICLES_DIR,
  HISTORY_FILE,
  NOTEBOOK_FILE,
  NOTES_DIR,
  CLAIMS_DIR,
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
  /**
   * The tags of every tagged annotation, by annotation id, from the index. A notebook from
   * before the index kept them builds them once here, reading each article file.
   */
  annotationTags(): Promise<Readonly<Record<string, readonly string[]>>>;
  /** Which article holds each annotation, from the index. */
  annotationArticles(): Readonly<Record<string, string>>;
  /** How many annotations each article holds, from the index (no article file is read). */
  annotationCounts(): Map<string, number>;
  hasArticle(id: string): boolean;
  /** An article and its annotations (a copy: change it and `saveRecord` it). */
  readRecord(id: string): Promise<ArticleRecord>;
  /** Writes the article's file, then its entries in the index. */
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

/** A record as it is after a write; `null` when it was removed. */
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

/** The tags of the annotations that have tags, by annotation id. */
function taggedOf(annotations: readonly Annotation[]): Record<string, string[]> {
  return Object.fromEntries(annotations.filter((a) => a.tags.length > 0).map((a) => [a.id, [...a.tags]]));
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
    annotations: {},
    annotationTags: {},
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
  // What changed since notebook.json was last written is in the journal.
  const { journal, replayed } = await openJournal(dir, index.data, () => index.write(), options.compactAtBytes);

  // Reconcile the index with the article files, the source of truth.
  const fileIds = (await readdir(join(dir, ARTICLES_DIR)))
    .filter((name) => recordFilePattern('article').test(name))
    .map((name) => name.slice(0, -'.json'.length));
  const onDisk = new Set(fileIds);
  const indexed = new Set(index.data.articles.map((a) => a.id));
  let indexChanged = !indexFound || index.adapter.lastRead?.migrated === true || replayed > 0;
  const kept = index.data.articles.filter((meta) => onDisk.has(meta.id));
  if (kept.length !== index.data.articles.length) {
    indexChanged = true;
    for (const [annotationId, articleId] of Object.entries(index.data.annotations)) {
      if (onDisk.has(articleId)) continue;
      delete index.data.annotations[annotationId];
      if (index.data.annotationTags) delete index.data.annotationTags[annotationId];
    }
  }
  index.data.articles = kept;
  for (const id of fileIds.filter((id) => !indexed.has(id))) {
    try {
      const db = articleDb(id);
      await db.read();
      index.data.articles.push(articleMeta(db.data.article));
      for (const annotation of db.data.annotations) index.data.annotations[annotation.id] = id;
      if (index.data.annotationTags) Object.assign(index.data.annotationTags, taggedOf(db.data.annotations));
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
  // Open folds the journal into notebook.json: one rewrite per open, none per change.
  if (indexChanged) await journal.compact();
  await snapshotDaily(dir, now());

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

  const metaIndex = (id: string) => index.data.articles.findIndex((a) => a.id === id);

  /** Entries of articles written while `annotationTags` is being built for the first time. */
  let writtenWhileBuilding: JournalEntry[] | undefined;
  /** Highlights per article, counted from the index once and then kept by each article write. */
  let counts: Map<string, number> | undefined;
  const recordArticle = (entry: JournalEntry) => {
    writtenWhileBuilding?.push(entry);
    if (entry.kind === 'article' && counts) {
      if (entry.meta === null) counts.delete(entry.id);
      else counts.set(entry.id, entry.annotations.length);
    }
    return journal.record([entry]);
  };

  const forget = async (id: string) => {
    articleDbs.delete(id);
    const dropped = Object.entries(index.data.annotations).flatMap(([annotationId, articleId]) => (articleId === id ? [annotationId] : []));
    await recordArticle({ kind: 'article', id, meta: null, annotations: [], dropped, tagged: {} });
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
    hasArticle: (id) => metaIndex(id) >= 0,
    async annotationTags() {
      if (!index.data.annotationTags) {
        const built: Record<string, string[]> = {};
        writtenWhileBuilding = [];
        for (const meta of [...index.data.articles]) {
          // Read past the cache: building touches every article once, and keeping them all
          // in memory afterwards would cost more than the tags.
          const file = await new ValidatedJsonFile(join(dir, articleFileName(meta.id)), articleFileSchema).read().catch(() => null);
          if (file) Object.assign(built, taggedOf(file.annotations));
        }
        if (!index.data.annotationTags) {
          index.data.annotationTags = built;
          // Articles written while their files were being read: their entries now apply.
          for (const entry of writtenWhileBuilding) applyEntry(index.data, entry);
        }
        writtenWhileBuilding = undefined;
        await journal.compact();
      }
      return index.data.annotationTags;
    },
    annotationArticles: () => index.data.annotations,
    annotationCounts() {
      if (!counts) {
        counts = new Map();
        // for…in: Object.values copies 100,000 entries first, three times slower at 10,000 articles.
        const holders = index.data.annotations;
        for (const annotationId in holders) counts.set(holders[annotationId]!, (counts.get(holders[annotationId]!) ?? 0) + 1);
      }
      return new Map(counts);
    },

    async readRecord(id) {
      const file = await loadArticle(id);
      return structuredClone({ article: file.article, annotations: file.annotations });
    },

    async saveRecord({ article, annotations }) {
      const db = articleDb(article.id);
      const previous = db.data;
      db.data = structuredClone({ schemaVersion: CURRENT_SCHEMA_VERSION, article, annotations });
      try {
        await db.write();
      } catch (error) {
        db.data = previous;
        throw new NotebookError('storage', `Could not save “${article.title}”: ${(error as Error).message}. What was saved before is unchanged.`);
      }
      const now = new Set(annotations.map((a) => a.id));
      const entry: JournalEntry = {
        kind: 'article',
        id: article.id,
        meta: articleMeta(article),
        annotations: [...now],
        dropped: (previous?.annotations ?? []).map((a) => a.id).filter((id) => !now.has(id)),
        tagged: taggedOf(annotations),
      };
      await recordArticle(entry);
      emit({ kind: 'article', id: article.id, record: structuredClone({ article, annotations }) });
    },

    async removeArticle(id) {
      await removeFileDurably(join(dir, articleFileName(id)));
      await forget(id);
    },

    async findAnnotation(id) {
      const known = index.data.annotations[id];
      if (known && metaIndex(known) >= 0) return known;
      // The index is a cache: after a crash between an article write and the index write it
      // can miss an annotation, so look through the articles once and mend it.
      for (const meta of [...index.data.articles]) {
        const file = await loadArticle(meta.id).catch(() => undefined);
        if (file?.annotations.some((a) => a.id === id)) {
          index.data.annotations[id] = meta.id;
          counts = undefined;
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
