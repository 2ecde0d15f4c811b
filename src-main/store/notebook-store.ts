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
 *
 * This module holds the store's contract and composes it from parts that each own one thing:
 * `metadata-cache.ts` (notebook.json, its journal, the highlight index), `article-folder.ts`
 * (the article files), `record-folder.ts` (notes and claims), `open-history.ts` (the undo log),
 * `store-changes.ts` (the change listeners) and `quarantine.ts` (files set aside).
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { claimSchema, noteSchema } from '../common/research-schema';
import type { Annotation, ArticleMeta, Claim, ColorLegend, DamagedFile, Note, NoteMeta, QuarantinedFile } from '../common/model';
import { snapshotsNewestFirst } from './backups';
import type { DamagedList } from './damaged-files';
import { articleFolder } from './article-folder';
import { removeTempLeftovers } from './atomic-file';
import { deletionLog, type DeletionLog } from './deletion-log';
import { lockFolder } from './folder-lock';
import type { HistoryLog } from './history-log';
import { openMetadataCache } from './metadata-cache';
import { ARTICLES_DIR, BACKUPS_DIR, CLAIMS_DIR, NOTES_DIR, type ArticleRecord } from './notebook-files';
import { historyOnFirstUse } from './open-history';
import { quarantineFor } from './quarantine';
import { folderRefusesWrites, readOnlyWords, writeRefusedCode } from './folder-access';
import { NotebookError } from '../common/errors';
import { RecordFolder } from './record-folder';
import { storeChanges } from './store-changes';
import { unsentLog, type UnsentLog } from './unsent-log';
import type { UnreadableFileError } from './validated-json-file';

/** The claim as the newest snapshot of notebook.json that holds it has it. */
async function claimFromSnapshots(dir: string, id: string): Promise<Claim | undefined> {
  for await (const snapshot of snapshotsNewestFirst(dir)) {
    const claim = snapshot.claims.find((held) => held.id === id);
    if (claim) return claim;
  }
  return undefined;
}

export interface NotebookStore {
  readonly dir: string;
  /** Files set aside since the notebook was opened. */
  readonly quarantined: readonly QuarantinedFile[];
  /** Every file set aside and not yet restored or put away (kept from one session to the next). */
  readonly damaged: DamagedList;
  /**
   * Sets aside the file of a record found damaged (or from a newer Marginalia) after open, and
   * drops the record from the index, so it is not served from there and then lost: the change
   * listeners hear it removed. A good copy, where the index or a snapshot holds one, is kept.
   */
  setAsideRecord(kind: 'article' | 'claim' | 'note', id: string, error: UnreadableFileError): Promise<DamagedFile>;
  /** True when the folder held no notebook before this open. */
  readonly isNew: boolean;
  /**
   * Set when the folder may not be written (see folder-access.ts): why, in the words every
   * refused write answers. The store was opened without writing anything, and writes nothing.
   */
  readonly readOnly?: string;
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
  /** How many highlights carry each tag, from the highlight index (kept with every change, not counted per call). */
  highlightTagCounts(): Promise<Map<string, number>>;
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
   * Writes the article's file and its entries in the index: after the file, or, given `commit`
   * (the commit's time, when a commit saves it), beside it (see MetadataJournal.recordAhead).
   * The store keeps `record` as it is (no copy) and hands it to the change listeners: do not
   * change it, or anything in it, after.
   */
  saveRecord(record: ArticleRecord, commit?: string): Promise<void>;
  removeArticle(id: string): Promise<void>;
  /** The article that holds an annotation, or undefined when no article does. */
  findAnnotation(id: string): Promise<string | undefined>;
  legend(): ColorLegend;
  saveLegend(legend: ColorLegend): Promise<void>;
  /** Undo and redo steps (read from disk on first use). */
  history(): Promise<HistoryLog>;
  /** Which records were deleted, and which version of each (for merges). */
  readonly deletions: DeletionLog;
  /** What changed since the last commit to the shared history (see unsent-log.ts). */
  readonly unsent: UnsentLog;
  /** Every claim, copied: for lists. One claim is `claim(id)`, which copies only that one. */
  claims(): Claim[];
  /** A copy of the claim with this id, or null: without copying every claim (at 10,000 articles, a lookup through `claims()` took ~2 ms). */
  claim(id: string): Claim | null;
  /** The ids of every claim, without copying the claims. */
  claimIds(): string[];
  saveClaim(claim: Claim): Promise<void>;
  removeClaim(id: string): Promise<void>;
  noteMetas(): NoteMeta[];
  /** A copy of the note's metadata (its links and revision), or null when no such note is held. */
  noteMeta(id: string): NoteMeta | null;
  /** The ids of every note. */
  noteIds(): string[];
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

/**
 * A record as it is after a write (the store's own: read, never change); `null` when it was
 * removed. `stamp` is its file's stamp as this write left it (see file-stamp.ts), when read.
 */
export type StoreChange =
  | { kind: 'article'; id: string; record: ArticleRecord | null; stamp?: string }
  | { kind: 'claim'; id: string; claim: Claim | null; stamp?: string }
  | { kind: 'note'; id: string; note: Note | null; stamp?: string };

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
  const { body: _body, conflicts: _conflicts, ...meta } = note;
  return structuredClone(meta);
}

export { articleMeta } from './article-folder';

/** Opens a folder that refuses writes as it is, writing nothing (see folder-access.ts). */
async function openReadOnly(dir: string, code: string, now: () => Date, options: StoreOptions): Promise<NotebookStore> {
  if (!existsSync(dir)) throw new NotebookError('storage', `The notebook folder ${dir} does not exist and cannot be made there (${code}): choose a folder you can write.`);
  return loadStore(dir, now, async () => {}, { ...options, readOnly: readOnlyWords(dir, code) });
}

export async function openStore(dir: string, options: StoreOptions = {}): Promise<NotebookStore> {
  const now = options.now ?? (() => new Date());
  const refused = await folderRefusesWrites(dir);
  if (refused) return openReadOnly(dir, refused, now, options);
  let lock: Awaited<ReturnType<typeof lockFolder>>;
  try {
    await mkdir(join(dir, ARTICLES_DIR), { recursive: true });
    lock = await lockFolder(dir);
  } catch (error) {
    // The system said the folder may be written, and then refused (some network shares do).
    const code = writeRefusedCode(error);
    if (code) return openReadOnly(dir, code, now, options);
    throw error;
  }
  try {
    // Writes a crash cut short left their temporary files; holding the lock, nobody else's are live.
    for (const folder of ['', ARTICLES_DIR, NOTES_DIR, CLAIMS_DIR, BACKUPS_DIR]) await removeTempLeftovers(join(dir, folder));
    return await loadStore(dir, now, lock.release, options);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function loadStore(dir: string, now: () => Date, releaseLock: () => Promise<void>, options: StoreOptions & { readOnly?: string }): Promise<NotebookStore> {
  const { readOnly } = options;
  const quarantine = await quarantineFor(dir, now, readOnly);
  const { setAside } = quarantine;
  const metadata = await openMetadataCache(dir, { now, setAside, compactAtBytes: options.compactAtBytes, readOnly: readOnly !== undefined });
  const changes = storeChanges<StoreChange>();
  // The record files are the truth: each folder makes the metadata cache agree with its files.
  const articles = articleFolder({ dir, metadata, quarantine, cacheLimit: options.articleCacheLimit ?? ARTICLE_CACHE_LIMIT, emit: changes.emit });
  const articleFiles = await articles.reconcile();
  // After a crash, the last commit's journal entries may name what its files never got.
  if (metadata.unconfirmed.length > 0) await articles.confirm(metadata.unconfirmed);
  const notes = new RecordFolder<Note, NoteMeta>({
    dir,
    folder: NOTES_DIR,
    kind: 'note',
    noun: 'note',
    schema: noteSchema,
    metaOf: noteMeta,
    titleOf: (meta) => meta.title,
    index: metadata.noteIndex,
    setAside,
    readOnly: readOnly !== undefined,
  });
  const claims = new RecordFolder<Claim, Claim>({
    dir,
    folder: CLAIMS_DIR,
    kind: 'claim',
    noun: 'claim',
    schema: claimSchema,
    metaOf: (claim) => structuredClone(claim),
    titleOf: (claim) => claim.statement,
    // The index holds every claim whole, as this machine last wrote it; failing that, a snapshot of it.
    goodCopyOf: async (id) => metadata.data.claims.find((claim) => claim.id === id) ?? (await claimFromSnapshots(dir, id)),
    index: metadata.claimIndex,
    setAside,
    readOnly: readOnly !== undefined,
  });
  const noteFiles = await notes.reconcile();
  const claimFiles = await claims.reconcile();
  const isNew = !metadata.existed && articleFiles.ids.length === 0 && noteFiles.ids.length === 0 && claimFiles.ids.length === 0 && quarantine.files.length === 0;
  metadata.settle(metadata.changedOnOpen || articleFiles.changed || noteFiles.changed || claimFiles.changed);
  const history = historyOnFirstUse(dir, setAside, options.historyMaxBytes, readOnly !== undefined);
  const deletions = deletionLog(dir);
  const unsent = unsentLog(dir, existsSync(join(dir, '.git')));

  const store: NotebookStore = {
    dir,
    quarantined: quarantine.files,
    damaged: quarantine.damaged,
    async setAsideRecord(kind, id, error) {
      if (kind === 'article') return articles.setAside(id, error);
      const entry = await (kind === 'claim' ? claims : notes).setAside(id, error);
      changes.emit(kind === 'claim' ? { kind, id, claim: null } : { kind, id, note: null });
      return entry;
    },
    isNew,
    ...(readOnly ? { readOnly } : {}),
    listArticles: metadata.listArticles,
    articleMetas: metadata.articleMetas,
    annotationCount: metadata.annotationCount,
    hasArticle: metadata.hasArticle,
    articleTitle: metadata.articleTitle,
    taggedHighlights: metadata.taggedHighlights,
    highlightTagCounts: metadata.highlightTagCounts,
    annotationCounts: metadata.annotationCounts,
    readAnnotations: articles.readAnnotations,
    readRecord: articles.readRecord,
    viewRecord: articles.viewRecord,
    saveRecord: articles.saveRecord,
    removeArticle: articles.removeArticle,
    findAnnotation: articles.findAnnotation,
    legend: metadata.legend,
    saveLegend: metadata.saveLegend,
    history: history.get,
    deletions,
    unsent,
    claims: metadata.claims,
    claim: metadata.claim,
    claimIds: metadata.claimIds,
    async saveClaim(claim) {
      const copy = structuredClone(claim);
      const stamp = await claims.save(claim);
      changes.emit({ kind: 'claim', id: claim.id, claim: copy, ...(stamp ? { stamp } : {}) });
    },
    removeClaim: (id) => changes.emitAfter(claims.remove(id), { kind: 'claim', id, claim: null }),
    noteMetas: metadata.noteMetas,
    noteMeta: metadata.noteMeta,
    noteIds: metadata.noteIds,
    readNote: (id) => notes.read(id),
    async saveNote(note) {
      const copy = structuredClone(note);
      const stamp = await notes.save(note);
      changes.emit({ kind: 'note', id: note.id, note: copy, ...(stamp ? { stamp } : {}) });
    },
    removeNote: (id) => changes.emitAfter(notes.remove(id), { kind: 'note', id, note: null }),
    onChange: changes.onChange,

    async flush() {
      await metadata.idle();
      await notes.idle();
      await claims.idle();
      await history.idle();
      await deletions.idle();
      await unsent.idle();
      await articles.idle();
    },

    async close() {
      await store.flush();
      await metadata.close();
      await history.close();
      await deletions.close();
      await unsent.close();
      await releaseLock();
    },
  };
  return store;
}
