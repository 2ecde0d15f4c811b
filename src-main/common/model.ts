/** The records of a notebook. Shapes come from the schemas in `schema.ts`. */
import type { z } from 'zod';
import type { articleFormatSchema, articleMetaSchema, articleSchema } from './schema';
import type { ArticleDoc } from './article-doc';

export type ArticleId = `art_${string}`;
export type ArticleFormat = z.infer<typeof articleFormatSchema>;
export type ArticleMeta = z.infer<typeof articleMetaSchema>;
export type Article = z.infer<typeof articleSchema>;

/** An article as the reader gets it: its metadata, its body tree, HTML and canonical text. */
export interface ArticleView extends ArticleMeta {
  doc: ArticleDoc;
  /** Sanitized HTML derived from `doc` (for exports and non-React consumers). */
  html: string;
  /** The canonical text that selectors index. */
  text: string;
  /** The text the article was written in (`format`), for editing. */
  original: string;
}

/** A file of the notebook that could not be read and was set aside. */
export interface QuarantinedFile {
  /** Path relative to the notebook folder, where the file was. */
  file: string;
  /** Path relative to the notebook folder, where it is now. */
  movedTo: string;
  /** Why it could not be read, in words a person can act on. */
  reason: string;
}

export interface NotebookStatus {
  /** Absolute path of the notebook folder. */
  location: string;
  /** Files set aside when the notebook was opened. */
  quarantined: QuarantinedFile[];
}
