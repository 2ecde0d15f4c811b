/** The schemas of the files in a notebook folder (see ARCHITECTURE.md, "The notebook on disk"). */
import { z } from '../common/zod';
import { annotationSchema, colorLegendSchema } from '../common/annotation-schema';
import { claimSchema, noteMetaSchema, noteSchema } from '../common/research-schema';
import { articleMetaSchema, articleSchema, timestampSchema } from '../common/schema';

export const NOTEBOOK_FILE = 'notebook.json';
export const HISTORY_FILE = 'history.json';
export const ARTICLES_DIR = 'articles';
export const NOTES_DIR = 'notes';
export const CLAIMS_DIR = 'claims';
export const BACKUPS_DIR = 'backups';
export const QUARANTINE_DIR = 'backups/quarantine';
export const LOCK_FILE = 'notebook.lock';

export const notebookFileSchema = z.object({
  schemaVersion: z.number().int(),
  createdAt: timestampSchema,
  /** What each highlight colour means to the notebook's owner. */
  legend: colorLegendSchema,
  /** Metadata of every article, so the library lists without reading each article file. */
  articles: z.array(articleMetaSchema),
  /** How many highlights each article holds, by article id, so the library lists from here. */
  highlightCounts: z.record(z.string(), z.number().int().nonnegative()).optional(),
  /**
   * Before highlights.index: which article holds each annotation, and the tags of the tagged
   * ones. Read from an older notebook and moved to highlights.index; never written.
   */
  annotations: z.record(z.string(), z.string()).optional(),
  annotationTags: z.record(z.string(), z.array(z.string())).optional(),
  /** Every claim (a cache of `claims/<id>.json`). */
  claims: z.array(claimSchema),
  /** Every note's metadata and links (a cache of `notes/<id>.json`), so backlinks read no note file. */
  notes: z.array(noteMetaSchema),
});
export type NotebookFile = z.infer<typeof notebookFileSchema>;

/** An article and its annotations: the contents of one `articles/<id>.json`. */
export const articleRecordSchema = z.object({
  article: articleSchema,
  annotations: z.array(annotationSchema),
});
export type ArticleRecord = z.infer<typeof articleRecordSchema>;

export const articleFileSchema = articleRecordSchema.extend({ schemaVersion: z.number().int() });
/** An article file read for its annotations alone (its text is not checked). */
export const articleAnnotationsSchema = z.object({ schemaVersion: z.number().int(), annotations: z.array(annotationSchema) });
export type ArticleFile = z.infer<typeof articleFileSchema>;

/** The details of an article a person edits (see `updateArticle`); absent fields are empty. */
export const articleDetailsSchema = z.object({
  title: z.string(),
  byline: z.string().optional(),
  siteName: z.string().optional(),
  url: z.string().optional(),
  publishedAt: z.string().optional(),
  tags: z.array(z.string()),
});
export type ArticleDetails = z.infer<typeof articleDetailsSchema>;
export const ARTICLE_DETAIL_KEYS = ['title', 'byline', 'siteName', 'url', 'publishedAt', 'tags'] as const;

/** One record's state before and after a change; `null` means "did not exist". */
export const changeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('annotation'), articleId: z.string(), before: annotationSchema.nullable(), after: annotationSchema.nullable() }),
  z.object({ kind: z.literal('article'), articleId: z.string(), before: articleRecordSchema.nullable(), after: articleRecordSchema.nullable() }),
  z.object({ kind: z.literal('legend'), before: colorLegendSchema, after: colorLegendSchema }),
  z.object({ kind: z.literal('claim'), claimId: z.string(), before: claimSchema.nullable(), after: claimSchema.nullable() }),
  z.object({ kind: z.literal('note'), noteId: z.string(), before: noteSchema.nullable(), after: noteSchema.nullable() }),
  /** Only an article's tags, so a tag rename across the library stays a small step. */
  z.object({ kind: z.literal('articleTags'), articleId: z.string(), before: z.array(z.string()), after: z.array(z.string()) }),
  /** Only an article's details (title, authors, publisher, URL, date, tags): no copy of its text. */
  z.object({ kind: z.literal('articleDetails'), articleId: z.string(), before: articleDetailsSchema, after: articleDetailsSchema }),
]);
export type Change = z.infer<typeof changeSchema>;

export const historyEntrySchema = z.object({
  label: z.string(),
  at: timestampSchema,
  changes: z.array(changeSchema).min(1),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** Undo and redo stacks, newest last; kept on disk so they survive a reload or a restart. */
export const historyFileSchema = z.object({
  schemaVersion: z.number().int(),
  undo: z.array(historyEntrySchema),
  redo: z.array(historyEntrySchema),
});
export type HistoryFile = z.infer<typeof historyFileSchema>;

export const articleFileName = (id: string): string => `${ARTICLES_DIR}/${id}.json`;
