/**
 * Claims, notes and the links between them: what turns highlights into research.
 * A claim is a statement backed by evidence passages (highlights, possibly from several
 * articles); a note is Markdown that links to claims and highlights with a relation.
 */
import { z } from './zod';
import { annotationIdSchema } from './annotation-schema';
import { MAX_CONFLICTS } from './merge/conflict-limits';
import { baseRevSchema, revisionFields, revisionIdSchema } from './merge/revisions';
import { RELATIONS } from './relations';
import { idOf, tagSchema, tagsSchema, timestampSchema } from './schema';

export const claimIdSchema = idOf('claim');
export const noteIdSchema = idOf('note');

export const relationSchema = z.enum(RELATIONS, { error: `relation must be one of ${RELATIONS.join(', ')}` });

export const MAX_STATEMENT = 2_000;
export const statementSchema = z
  .string({ error: 'statement must be text' })
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, { error: 'statement must not be empty' })
      .max(MAX_STATEMENT, { error: `statement is longer than ${MAX_STATEMENT.toLocaleString('en')} characters` }),
  );

export const MAX_NOTE_BODY = 1_000_000;
export const noteBodySchema = z
  .string({ error: 'body must be text' })
  .max(MAX_NOTE_BODY, { error: `body is longer than ${MAX_NOTE_BODY.toLocaleString('en')} characters` });

export const noteTitleSchema = z
  .string({ error: 'title must be text' })
  .transform((t) => t.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, { error: 'title must not be empty' }).max(300, { error: 'title is longer than 300 characters' }));

/** What a note link points at: exactly one claim or one highlight. */
export const linkTargetSchema = z.union([
  z.object({ claimId: claimIdSchema }).strict(),
  z.object({ annotationId: annotationIdSchema }).strict(),
], { error: 'target must be {claimId} or {annotationId}' });

export const evidenceSchema = z.object({ annotationId: z.string(), articleId: z.string() });

const claimFields = z.object({
  id: claimIdSchema,
  statement: z.string().min(1),
  tags: z.array(z.string()),
  /** Passages that back the claim, in the order they were added. */
  evidence: z.array(evidenceSchema),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

/** A version of a claim kept in another's conflict history (see common/merge). */
export const claimVersionSchema = claimFields.extend({ rev: revisionIdSchema.optional() });

export const claimSchema = claimFields.extend({
  ...revisionFields,
  conflicts: z.array(claimVersionSchema).max(MAX_CONFLICTS).optional(),
});

export const noteLinkSchema = z.object({
  target: linkTargetSchema,
  relation: relationSchema,
});

/** A note's metadata and links, kept in notebook.json so backlinks need no note file. */
export const noteMetaSchema = z.object({
  id: noteIdSchema,
  title: z.string().min(1),
  tags: z.array(z.string()),
  links: z.array(noteLinkSchema),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  ...revisionFields,
});

/** A version of a note kept in another's conflict history (see common/merge). */
export const noteVersionSchema = noteMetaSchema.omit({ revs: true }).extend({ body: z.string() });

/** A note's conflict history lives in its file only, not in the index: versions carry whole bodies. */
export const noteSchema = noteMetaSchema.extend({ body: z.string(), conflicts: z.array(noteVersionSchema).max(MAX_CONFLICTS).optional() });

export const createClaimArgs = z
  .object({ annotationId: annotationIdSchema, statement: statementSchema.optional(), tags: tagsSchema.optional() })
  .strict();
export const updateClaimArgs = z
  .object({ id: claimIdSchema, statement: statementSchema.optional(), tags: tagsSchema.optional(), baseRev: baseRevSchema })
  .strict();
export const evidenceArgs = z.object({ claimId: claimIdSchema, annotationId: annotationIdSchema }).strict();
export const createNoteArgs = z
  .object({ title: noteTitleSchema, body: noteBodySchema.optional(), tags: tagsSchema.optional() })
  .strict();
export const updateNoteArgs = z
  .object({ id: noteIdSchema, title: noteTitleSchema.optional(), body: noteBodySchema.optional(), tags: tagsSchema.optional(), baseRev: baseRevSchema })
  .strict();
export const linkNoteArgs = z.object({ noteId: noteIdSchema, target: linkTargetSchema, relation: relationSchema }).strict();
export const unlinkNoteArgs = z.object({ noteId: noteIdSchema, target: linkTargetSchema }).strict();
export const renameTagArgs = z.object({ from: tagSchema, to: tagSchema }).strict();
export const mergeTagsArgs = z.object({ from: tagSchema, into: tagSchema }).strict();
