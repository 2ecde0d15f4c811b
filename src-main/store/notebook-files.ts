/** The schemas of the files in a notebook folder (see ARCHITECTURE.md, "The notebook on disk"). */
import { z } from 'zod';
import { articleMetaSchema, articleSchema, timestampSchema } from '../common/schema';

export const NOTEBOOK_FILE = 'notebook.json';
export const ARTICLES_DIR = 'articles';
export const BACKUPS_DIR = 'backups';
export const QUARANTINE_DIR = 'backups/quarantine';
export const LOCK_FILE = 'notebook.lock';

export const notebookFileSchema = z.object({
  schemaVersion: z.number().int(),
  createdAt: timestampSchema,
  /** Metadata of every article, so the library lists without reading each article file. */
  articles: z.array(articleMetaSchema),
});
export type NotebookFile = z.infer<typeof notebookFileSchema>;

export const articleFileSchema = z.object({
  schemaVersion: z.number().int(),
  article: articleSchema,
});
export type ArticleFile = z.infer<typeof articleFileSchema>;

export const articleFileName = (id: string): string => `${ARTICLES_DIR}/${id}.json`;
