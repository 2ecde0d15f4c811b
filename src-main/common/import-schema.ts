/**
 * Arguments of the import calls. File contents travel as base64 bytes so the main side
 * decodes them itself (charset from BOM or `<meta>`, invalid UTF-8 refused) and checks the
 * size limit on what actually arrived.
 */
import { z } from './zod';
import { base64Size, IMPORT_LIMITS } from './import-limits';
import { articleFormatSchema, articleIdSchema, titleSchema } from './schema';

export const webAddressSchema = z
  .string({ error: 'url must be text' })
  .transform((url) => url.trim())
  .pipe(
    z
      .string()
      .max(2000, { error: 'url is longer than 2000 characters' })
      .regex(/^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i, {
        error: 'url must be a web address that starts with http:// or https://',
      }),
  );

/** A file's name without any folder: the key for recognising a re-import. */
export const fileNameSchema = z
  .string({ error: 'fileName must be text' })
  .transform((name) => name.split(/[\\/]/).pop()!.trim())
  .pipe(z.string().min(1, { error: 'fileName must not be empty' }).max(255, { error: 'fileName is longer than 255 characters' }));

const sourceSchema = z
  .string({ error: 'source must be text' })
  .transform((s) => s.trim())
  .pipe(z.string().max(2000, { error: 'source is longer than 2000 characters' }));

export const importArticleArgs = z
  .object({
    format: articleFormatSchema,
    // No length cap here: the import names the size and the limit for its format (see import-limits).
    content: z.string({ error: 'content must be text' }),
    /** `base64`: the bytes of a file (required for PDF); `text` (default): text as typed or pasted. */
    encoding: z.enum(['text', 'base64'], { error: 'encoding must be "text" or "base64"' }).optional(),
    title: titleSchema.optional(),
    source: sourceSchema.optional(),
    /** The page the HTML came from: resolves relative links and is kept as the article's address. */
    url: webAddressSchema.optional(),
    fileName: fileNameSchema.optional(),
    /** Replace the text of this article (keeping its highlights, re-anchored) instead of adding one. */
    replaceId: articleIdSchema.optional(),
  })
  .strict()
  .superRefine((arg, ctx) => {
    const encoding = arg.encoding ?? 'text';
    if (encoding === 'base64') {
      // An oversized file is refused by the import with its size; it is not worth scanning here.
      if (base64Size(arg.content) > IMPORT_LIMITS[arg.format]) return;
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(arg.content)) ctx.addIssue({ code: 'custom', path: ['content'], message: 'content is not valid base64' });
      return;
    }
    if (arg.format === 'pdf') {
      ctx.addIssue({ code: 'custom', path: ['encoding'], message: 'encoding must be "base64" for a PDF (its bytes, not text)' });
      return;
    }
    const limit = IMPORT_LIMITS[arg.format];
    if (arg.content.length > limit) {
      ctx.addIssue({ code: 'custom', path: ['content'], message: `content is longer than ${limit.toLocaleString('en')} characters` });
    } else if (arg.content.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['content'], message: 'content is empty: paste or type the article text' });
    }
  });

export const importUrlArgs = z
  .object({
    url: webAddressSchema,
    replaceId: articleIdSchema.optional(),
  })
  .strict();
