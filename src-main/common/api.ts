/**
 * NotebookApi: the one contract between the renderer and the main side.
 *
 * Every call takes one argument, validated with its schema below before a service sees it,
 * and answers an `ApiResponse`. The Electron preload, the IPC registration, the browser-mode
 * HTTP host and the renderer client are all derived from this file and `api-methods.ts`.
 */
import { z } from './zod';
import type { ApiMethod } from './api-methods';
import type {
  AnnotationUsage,
  AnnotationView,
  ArticleListing,
  ArticleMeta,
  ImportedArticle,
  ArticleView,
  ClaimView,
  Claim,
  ColorLegend,
  HistoryState,
  HistoryStep,
  Note,
  NoteMeta,
  NoteView,
  NotebookStatus,
  TagCount,
} from './model';
import {
  claimIdSchema,
  createClaimArgs,
  createNoteArgs,
  evidenceArgs,
  linkNoteArgs,
  mergeTagsArgs,
  noteIdSchema,
  renameTagArgs,
  unlinkNoteArgs,
  updateClaimArgs,
  updateNoteArgs,
} from './research-schema';
import { annotationIdSchema, createAnnotationArgs, highlightColorSchema, legendMeaningSchema, updateAnnotationArgs } from './annotation-schema';
import { articleIdSchema, tagSchema, tagsSchema, titleSchema } from './schema';
import { libraryViewSchema } from './library-view-schema';
import { baseRevSchema } from './merge/revisions';
import { articleUrlSchema, bylineSchema, publishedDateSchema, siteNameSchema } from './article-details-schema';
import { importArticleArgs, importUrlArgs } from './import-schema';
import { importExchangeArgs, resolveConflictArgs, type ExchangeSummary } from './exchange-schema';
import { searchArgs, type SearchAnswer } from './search-schema';
import { exportArgs, exportJobArgs, type ExportPreview, type ExportResult } from './export-schema';
import { recordHistoryArgs, restoreVersionArgs, shareNotebookArgs, syncCredentialsArgs, type RecordVersion, type SyncResult, type SyncStatus } from './sync-schema';

/** An entry of the damaged files list (see DamagedFile). */
export const damagedFileIdSchema = z.string({ error: 'id must name an entry of the damaged files list' }).regex(/^dmg_[a-z0-9]{1,40}$/, { error: 'id must name an entry of the damaged files list' });

/** Largest text or Markdown body accepted, in characters. */
export const MAX_TEXT_IMPORT = 5_000_000;

const noArguments = z.object({}).strict();

const contentSchema = z
  .string({ error: 'content must be text' })
  .max(MAX_TEXT_IMPORT, { error: `content is longer than ${MAX_TEXT_IMPORT.toLocaleString('en')} characters` })
  .refine((content) => content.trim() !== '', { error: 'content is empty: paste or type the article text' });

/** Several articles at once (a multi-selection in the library), without repeats. */
const articleIdsSchema = z
  .array(articleIdSchema, { error: 'ids must be a list of article ids' })
  .min(1, { error: 'choose at least one article' })
  .max(100_000, { error: 'at most 100,000 articles at once' })
  .transform((ids) => [...new Set(ids)]);

/** The argument schema of every call. */
export const apiArgs = {
  getNotebookStatus: noArguments,
  listArticles: z
    .object({
      /**
       * Only the first `limit` articles the library shows under `view` and the tag filter, in
       * its order: what a window paints before the whole list has arrived.
       */
      first: z.object({ view: libraryViewSchema.strict(), tag: tagSchema.nullable(), limit: z.number().int().min(1).max(1000) }).strict().optional(),
      /**
       * One page of the whole list, in the order of the articles' ids: the `limit` after the id
       * `after` (from the start when null). A window fetches a large library page by page, so
       * the main side can answer anything else — an article being opened — between pages.
       */
      page: z.object({ after: articleIdSchema.nullable(), limit: z.number().int().min(1).max(10_000) }).strict().optional(),
    })
    .strict()
    .refine((arg) => !(arg.first && arg.page), { error: 'ask for the first rows or for a page, not both' }),
  getArticle: z.object({ id: articleIdSchema }).strict(),
  importArticle: importArticleArgs,
  importUrl: importUrlArgs,
  importExchange: importExchangeArgs,
  resolveConflict: resolveConflictArgs,
  updateArticle: z
    .object({
      id: articleIdSchema,
      title: titleSchema.optional(),
      content: contentSchema.optional(),
      tags: tagsSchema.optional(),
      /** Authors; `null` or "" clears. */
      byline: bylineSchema.optional(),
      /** Publisher; `null` or "" clears. */
      siteName: siteNameSchema.optional(),
      url: articleUrlSchema.optional(),
      publishedAt: publishedDateSchema.optional(),
      baseRev: baseRevSchema,
    })
    .strict(),
  deleteArticle: z.object({ id: articleIdSchema }).strict(),
  markArticleOpened: z.object({ id: articleIdSchema }).strict(),
  tagArticles: z
    .object({ ids: articleIdsSchema, add: tagsSchema.optional(), remove: tagsSchema.optional() })
    .strict()
    .refine((arg) => (arg.add?.length ?? 0) + (arg.remove?.length ?? 0) > 0, { error: 'give a tag to add or to remove' }),
  deleteArticles: z.object({ ids: articleIdsSchema }).strict(),
  listAnnotations: z.object({ articleId: articleIdSchema }).strict(),
  createAnnotation: createAnnotationArgs,
  updateAnnotation: updateAnnotationArgs,
  deleteAnnotation: z.object({ id: annotationIdSchema }).strict(),
  getLegend: noArguments,
  updateLegend: z.object({ color: highlightColorSchema, meaning: legendMeaningSchema }).strict(),
  getHistory: noArguments,
  undo: noArguments,
  redo: noArguments,
  listClaims: noArguments,
  createClaim: createClaimArgs,
  updateClaim: updateClaimArgs,
  deleteClaim: z.object({ id: claimIdSchema }).strict(),
  addEvidence: evidenceArgs,
  removeEvidence: evidenceArgs,
  listNotes: noArguments,
  getNote: z.object({ id: noteIdSchema }).strict(),
  createNote: createNoteArgs,
  updateNote: updateNoteArgs,
  deleteNote: z.object({ id: noteIdSchema }).strict(),
  linkNote: linkNoteArgs,
  unlinkNote: unlinkNoteArgs,
  getAnnotationUsage: z.object({ id: annotationIdSchema }).strict(),
  listTags: noArguments,
  renameTag: renameTagArgs,
  mergeTags: mergeTagsArgs,
  search: searchArgs,
  exportReport: exportArgs,
  previewExport: exportArgs,
  exportProgress: exportJobArgs,
  cancelExport: exportJobArgs,
  getSyncStatus: noArguments,
  shareNotebook: shareNotebookArgs,
  syncNotebook: noArguments,
  setSyncCredentials: syncCredentialsArgs,
  getRecordHistory: recordHistoryArgs,
  restoreVersion: restoreVersionArgs,
  restoreDamagedFile: z.object({ id: damagedFileIdSchema }).strict(),
  dismissDamagedFile: z.object({ id: damagedFileIdSchema }).strict(),
} satisfies Record<ApiMethod, z.ZodType>;

/** What each call answers on success. */
export interface ApiResults {
  getNotebookStatus: NotebookStatus;
  /** Newest first (or the first rows of a view), each with how many annotations it holds. */
  listArticles: ArticleListing[];
  getArticle: ArticleView;
  importArticle: ImportedArticle;
  /** Fetches the page (the only network access Marginalia makes) and imports it. */
  importUrl: ImportedArticle;
  /**
   * Merges a file from elsewhere — a notebook bundle, W3C Web Annotation or Hypothesis
   * annotations, a REFI-QDA project — record by record, as one undo step, and says what it did.
   */
  importExchange: ExchangeSummary;
  /** Uses or dismisses a version in a record's conflict history (one undo step). */
  resolveConflict: { label: string };
  /** With the article's new revision, for the window's next edit to be based on. */
  updateArticle: ArticleMeta & { rev?: string };
  deleteArticle: { id: string };
  /** Sets `openedAt` the first time (not an undo step: reading is not an edit). */
  markArticleOpened: ArticleMeta;
  /** One undo step; how many articles changed. */
  tagArticles: { changed: number };
  /** One undo step; how many articles and annotations went. */
  deleteArticles: { deleted: number; annotations: number };
  /** In reading order: anchored ones by position, then orphans. */
  listAnnotations: AnnotationView[];
  createAnnotation: AnnotationView;
  updateAnnotation: AnnotationView;
  deleteAnnotation: { id: string };
  getLegend: ColorLegend;
  updateLegend: ColorLegend;
  getHistory: HistoryState;
  /** null when there was nothing to undo/redo. */
  undo: HistoryStep | null;
  redo: HistoryStep | null;
  /** Newest first, each with its evidence passages and the notes that link to it. */
  listClaims: ClaimView[];
  createClaim: Claim;
  updateClaim: Claim;
  deleteClaim: { id: string };
  addEvidence: Claim;
  removeEvidence: Claim;
  /** Newest first; metadata and links, without bodies. */
  listNotes: NoteMeta[];
  getNote: NoteView;
  createNote: Note;
  updateNote: Note;
  deleteNote: { id: string };
  linkNote: Note;
  unlinkNote: Note;
  /** What deleting a highlight would touch, for the confirmation. */
  getAnnotationUsage: AnnotationUsage;
  listTags: TagCount[];
  /** How many records changed. */
  renameTag: { changed: number };
  mergeTags: { changed: number };
  /** Article text, highlights, claims and notes matching the query, best first. */
  search: SearchAnswer;
  /** The report or bibliography as a file: the desktop app saves it through the Save dialog, browser mode downloads it. */
  exportReport: ExportResult;
  /** The start of the same export (its first few sources or claims), for the dialog. */
  previewExport: ExportPreview;
  /** How far the export named `job` has come, or null when none runs under that name. */
  exportProgress: { done: number; total: number } | null;
  /** Stops the export named `job` (it answers with a "cancelled" error); false when none ran. */
  cancelExport: { cancelled: boolean };
  /** Whether the notebook is shared through a git remote, and how its last sync went. */
  getSyncStatus: SyncStatus;
  /**
   * Connects the notebook to a git remote and syncs: an empty remote receives this notebook;
   * one holding a shared notebook is merged with it record by record (joining).
   */
  shareNotebook: SyncResult;
  /** Commits what changed here, fetches, merges record by record, pushes. */
  syncNotebook: SyncResult;
  /** Keeps a new user name and token for the remote (never in the notebook folder). */
  setSyncCredentials: null;
  /** The record's versions in the shared history, newest first (empty when the notebook is not shared). */
  getRecordHistory: RecordVersion[];
  /** Makes an earlier version the record's current one: a new edit, one undo step. */
  restoreVersion: { label: string };
  /** Brings a set-aside record back from the good copy a backup holds: one undo step. */
  restoreDamagedFile: { label: string };
  /** Takes an entry off the damaged files list (the damaged file stays in backups/quarantine/). */
  dismissDamagedFile: null;
}

export type ApiArg<M extends ApiMethod> = z.input<(typeof apiArgs)[M]>;
export type ApiParsedArg<M extends ApiMethod> = z.output<(typeof apiArgs)[M]>;

/**
 * `conflict`: an undo or redo whose records changed since the step (see services/undo-guard.ts).
 * `stale`: an update whose `baseRev` is no longer the record's revision — it was changed in
 * another window (or by a sync) since the caller loaded it; nothing was written, and the caller
 * fetches the current version to merge with (see services/stale-edit.ts).
 */
export type ErrorCode = 'invalid_argument' | 'not_found' | 'conflict' | 'stale' | 'storage' | 'unavailable' | 'cancelled' | 'internal';

export interface ApiError {
  code: ErrorCode;
  /** A sentence a person can act on. */
  message: string;
}

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The contract as the renderer sees it: `window.notebook` and the HTTP client both satisfy it. */
export type NotebookApi = {
  [M in ApiMethod]: (arg: ApiArg<M>) => Promise<ApiResponse<ApiResults[M]>>;
};

/** The contract as the main side implements it: arguments already validated, failures thrown. */
export type NotebookHandlers = {
  [M in ApiMethod]: (arg: ApiParsedArg<M>) => Promise<ApiResults[M]>;
};

// Compile-time check that results cover exactly the method list.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const resultsCoverMethods: Exact<keyof ApiResults, ApiMethod> = true;
void resultsCoverMethods;
