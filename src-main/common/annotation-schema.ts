/**
 * Highlights (annotations), their W3C-style targets, and the colour legend.
 * Targets are the fields of W3C TextQuoteSelector and TextPositionSelector over the article's
 * canonical text — never DOM paths or pixels. The JSON-LD form is produced on export.
 */
import { z } from './zod';
import { MAX_CONFLICTS } from './merge/conflict-limits';
import { baseRevSchema, revisionFields, revisionIdSchema } from './merge/revisions';
import { HIGHLIGHT_COLORS } from './highlight-colors';
import { MAX_QUOTE, QUOTE_CONTEXT } from './quote-limits';
import { articleIdSchema, idOf, tagsSchema, timestampSchema } from './schema';

export const annotationIdSchema = idOf('annotation');

export const textQuoteSelectorSchema = z.object({
  exact: z.string().min(1, { error: 'the quote must not be empty' }).max(MAX_QUOTE, { error: `the quote is longer than ${MAX_QUOTE} characters` }),
  prefix: z.string().max(QUOTE_CONTEXT * 4),
  suffix: z.string().max(QUOTE_CONTEXT * 4),
});

export const textPositionSelectorSchema = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((p) => p.end > p.start, { error: 'position.end must be after position.start' });

export const annotationTargetSchema = z.object({
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema,
});

export const highlightColorSchema = z.enum(HIGHLIGHT_COLORS, {
  error: `colour must be one of ${HIGHLIGHT_COLORS.join(', ')}`,
});

export const MAX_COMMENT = 100_000;
export const commentSchema = z
  .string({ error: 'comment must be text' })
  .max(MAX_COMMENT, { error: `comment is longer than ${MAX_COMMENT.toLocaleString('en')} characters` });

const annotationFields = z.object({
  id: annotationIdSchema,
  articleId: articleIdSchema,
  target: annotationTargetSchema,
  color: highlightColorSchema,
  /** Markdown. */
  comment: z.string(),
  tags: z.array(z.string()),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

/** A version of a highlight kept in another's conflict history (see common/merge). */
export const annotationVersionSchema = annotationFields.extend({ rev: revisionIdSchema.optional() });

export const annotationSchema = annotationFields.extend({
  ...revisionFields,
  /** Versions edited elsewhere at the same time, kept when this one won a merge. */
  conflicts: z.array(annotationVersionSchema).max(MAX_CONFLICTS).optional(),
});

export const legendMeaningSchema = z
  .string({ error: 'meaning must be text' })
  .transform((m) => m.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, { error: 'meaning must not be empty' }).max(60, { error: 'meaning is longer than 60 characters' }));

/** What each colour means to this notebook's owner. */
export const colorLegendSchema = z.object(
  Object.fromEntries(HIGHLIGHT_COLORS.map((c) => [c, z.string()])) as Record<(typeof HIGHLIGHT_COLORS)[number], z.ZodString>,
);

export const createAnnotationArgs = z
  .object({
    articleId: articleIdSchema,
    target: annotationTargetSchema,
    color: highlightColorSchema.optional(),
    comment: commentSchema.optional(),
    tags: tagsSchema.optional(),
  })
  .strict();

export const updateAnnotationArgs = z
  .object({
    id: annotationIdSchema,
    color: highlightColorSchema.optional(),
    comment: commentSchema.optional(),
    tags: tagsSchema.optional(),
    /** A new passage, to re-attach an orphaned highlight. */
    target: annotationTargetSchema.optional(),
    baseRev: baseRevSchema,
  })
  .strict();
