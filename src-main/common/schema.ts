/**
 * zod schemas: the one definition of every record, used to validate API arguments,
 * files read from disk and (later) imported bundles. Types in `model.ts` are inferred from
 * these, so a record's shape is written once.
 */
import { z } from './zod';
import { SAFE_LINK } from './safe-link';
import { checkTag } from './tag-rules';
import type { ArticleDoc, Block, Inline, TableCell } from './article-doc';
import { MAX_CONFLICTS } from './merge/conflict-limits';
import { revisionFields, revisionIdSchema } from './merge/revisions';
import { ID_PREFIXES, idPattern, type RecordKind } from './record-ids';

/** The id of a record of `kind`, as record-ids.ts spells it. */
export const idOf = (kind: RecordKind) =>
  z.string({ error: `${kind} id must be a string` }).regex(idPattern(kind), {
    error: `"${kind} id" must look like ${ID_PREFIXES[kind]}_… (letters and digits)`,
  });

export const articleIdSchema = idOf('article');

/** An ISO 8601 timestamp as written by `Date.prototype.toISOString`. */
export const timestampSchema = z.iso.datetime({ error: 'must be an ISO 8601 date and time' });

export const MAX_TITLE = 500;
export const titleSchema = z
  .string({ error: 'title must be text' })
  .transform((title) => title.replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, { error: 'title must not be empty' })
      .max(MAX_TITLE, { error: `title is longer than ${MAX_TITLE} characters` }),
  );

/** Hierarchical tag: segments separated by "/", e.g. `region/east-asia`. */
export const tagSchema = z.string({ error: 'a tag must be text' }).transform((raw, ctx) => {
  const checked = checkTag(raw);
  if (checked.ok) return checked.tag;
  ctx.issues.push({ code: 'custom', message: checked.problem, input: raw });
  return z.NEVER;
});
export const tagsSchema = z
  .array(tagSchema, { error: 'tags must be a list of text' })
  .max(200, { error: 'at most 200 tags' })
  .transform((tags) => [...new Set(tags)]);

const inlineSchema: z.ZodType<Inline> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('text'), text: z.string() }),
    z.object({ type: z.literal('break') }),
    z.object({ type: z.literal('code'), text: z.string() }),
    z.object({
      type: z.enum(['emphasis', 'strong', 'strike', 'sub', 'sup']),
      children: z.array(inlineSchema),
    }),
    z.object({ type: z.literal('link'), href: z.string().regex(SAFE_LINK), children: z.array(inlineSchema) }),
  ]),
);

const tableCellSchema: z.ZodType<TableCell> = z.object({ header: z.boolean(), children: z.array(inlineSchema) });

const blockSchema: z.ZodType<Block> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('paragraph'), children: z.array(inlineSchema) }),
    z.object({
      type: z.literal('heading'),
      level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
      children: z.array(inlineSchema),
    }),
    z.object({ type: z.literal('preformatted'), text: z.string() }),
    z.object({ type: z.literal('quote'), children: z.array(blockSchema) }),
    z.object({
      type: z.literal('list'),
      ordered: z.boolean(),
      start: z.number().int().optional(),
      items: z.array(z.array(blockSchema)),
    }),
    z.object({ type: z.literal('table'), rows: z.array(z.array(tableCellSchema)) }),
    z.object({ type: z.literal('rule') }),
  ]),
);

export const articleDocSchema: z.ZodType<ArticleDoc> = z.object({ blocks: z.array(blockSchema) });

export const articleFormatSchema = z.enum(['text', 'markdown', 'html', 'pdf'], {
  error: 'format must be "text", "markdown", "html" or "pdf"',
});

/** What the library lists: everything but the body. */
export const articleMetaSchema = z.object({
  id: articleIdSchema,
  title: z.string().min(1),
  source: z.string(),
  byline: z.string().optional(),
  dateline: z.string().optional(),
  /** Date the piece was published (YYYY-MM-DD), when known. */
  publishedAt: z.iso.date().optional(),
  /** Where the piece was published: the site or publisher's name. */
  siteName: z.string().optional(),
  /** The page it came from (http/https), when imported from the web or a saved page. */
  url: z.string().optional(),
  /** The file it was imported from (name only, no folder), for re-import of a changed version. */
  fileName: z.string().optional(),
  /** BCP 47 language of the text, when known. */
  lang: z.string().optional(),
  /** Writing direction; `rtl` articles are laid out right to left. */
  dir: z.enum(['ltr', 'rtl']).optional(),
  /** When the article was first opened in the reader; absent means unread. */
  openedAt: timestampSchema.optional(),
  format: articleFormatSchema,
  tags: z.array(z.string()),
  wordCount: z.number().int().nonnegative(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

const articleFields = articleMetaSchema.extend({
  /** The text the user gave, in `format`, kept so the article can be edited as written. */
  original: z.string(),
  doc: articleDocSchema,
});

/** A version of an article kept in another's conflict history (see common/merge). */
export const articleVersionSchema = articleFields.extend({ rev: revisionIdSchema.optional() });

/**
 * One article as stored in `articles/<id>.json`. Its revisions and conflicts stay in its file:
 * the index and the library's list carry neither.
 */
export const articleSchema = articleFields.extend({
  ...revisionFields,
  conflicts: z.array(articleVersionSchema).max(MAX_CONFLICTS).optional(),
});
