/**
 * Bringing work in from elsewhere: a colleague's notebook bundle, W3C Web Annotation or
 * Hypothesis files, a REFI-QDA project. Shared so the window and the main side check the same
 * things. Files travel as base64 bytes; the main side decides what the file is.
 */
import { z } from './zod';
import { base64Size, MAX_EXCHANGE_FILE } from './import-limits';
import { fileNameSchema } from './import-schema';
import { revisionIdSchema } from './merge/revisions';

export const importExchangeArgs = z
  .object({
    fileName: fileNameSchema,
    /** The file's bytes, base64. */
    content: z.string({ error: 'content must be text' }),
  })
  .strict()
  .superRefine((arg, ctx) => {
    if (base64Size(arg.content) > MAX_EXCHANGE_FILE) {
      ctx.addIssue({ code: 'custom', path: ['content'], message: `the file is larger than ${MAX_EXCHANGE_FILE / 1_000_000} MB` });
    } else if (!/^[A-Za-z0-9+/]*={0,2}$/.test(arg.content)) {
      ctx.addIssue({ code: 'custom', path: ['content'], message: 'content is not valid base64' });
    }
  });

/** What kind of file an import read. */
export type ExchangeKind = 'bundle' | 'w3c' | 'hypothesis' | 'qdpx' | 'sync';

/** One record an import did something with, named so a person recognises it. */
export interface ExchangeItem {
  kind: 'article' | 'highlight' | 'claim' | 'note';
  id: string;
  /** A title, statement or quote. */
  label: string;
  /** Why, for records kept, refused or not placed. */
  reason?: string;
}

/** What an import did, record by record. */
export interface ExchangeSummary {
  kind: ExchangeKind;
  /** Where the records came from: the bundle's notebook, or the file's name. */
  from: string;
  added: ExchangeItem[];
  updated: ExchangeItem[];
  /** Changed on both sides: the newer edit was kept, the other is in the record's conflict history. */
  conflicts: ExchangeItem[];
  /** Deleted on one side, edited on the other: kept. */
  kept: ExchangeItem[];
  /** Deleted here because the other side deleted it and had not changed it. */
  deleted: ExchangeItem[];
  /** Not imported, each with its reason. */
  refused: ExchangeItem[];
  /** Annotations whose page or document this notebook does not hold, by source. */
  unmatched: { source: string; title?: string; count: number }[];
  /** How many records were already as the file has them. */
  unchanged: number;
}

export const CONFLICT_RECORD_KINDS = ['article', 'annotation', 'claim', 'note'] as const;

/** A choice about one version in a record's conflict history: use it instead, or let it go. */
export const resolveConflictArgs = z
  .object({
    kind: z.enum(CONFLICT_RECORD_KINDS, { error: `kind must be one of ${CONFLICT_RECORD_KINDS.join(', ')}` }),
    id: z.string({ error: 'id must be text' }).regex(/^(art|ann|clm|note)_[a-z0-9]{8,40}$/, { error: 'id must be a record id (art_…, ann_…, clm_…, note_…)' }),
    rev: revisionIdSchema,
    /** `use`: this version becomes the record (the one it replaces can be had back with Undo); `dismiss`: it leaves the history. */
    choice: z.enum(['use', 'dismiss'], { error: 'choice must be "use" or "dismiss"' }),
  })
  .strict();
