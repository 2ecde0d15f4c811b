/**
 * The "Edit details" form as data: the fields, their drafts, and checking them with the same
 * schemas the contract uses, so each message can sit beside its field before anything is sent.
 */
import type { z } from 'zod';
import type { ApiArg } from '../../src-main/common/api';
import { articleUrlSchema, bylineSchema, publishedDateSchema, siteNameSchema } from '../../src-main/common/article-details-schema';
import type { ArticleMeta } from '../../src-main/common/model';
import { DETAIL_FIELDS, type DetailField } from './details-fields';
import { tagsSchema, titleSchema } from '../../src-main/common/schema';

export type DetailsDraft = Record<DetailField, string>;
export type DetailsErrors = Partial<Record<DetailField, string>>;

export function draftOf(meta: ArticleMeta): DetailsDraft {
  return {
    title: meta.title,
    byline: meta.byline ?? '',
    siteName: meta.siteName ?? '',
    url: meta.url ?? '',
    publishedAt: meta.publishedAt ?? '',
    tags: meta.tags.join(', '),
  };
}

/** Tags as typed: separated by commas (spaces inside a tag become hyphens, as the schema does). */
export const splitTags = (text: string): string[] => text.split(',').filter((tag) => tag.trim() !== '');

const SCHEMAS: Record<Exclude<DetailField, 'tags'>, z.ZodType> = {
  title: titleSchema,
  byline: bylineSchema,
  siteName: siteNameSchema,
  url: articleUrlSchema,
  publishedAt: publishedDateSchema,
};

/** A sentence that starts with a capital and ends with a full stop. */
const sentence = (message: string) => `${message.charAt(0).toUpperCase()}${message.slice(1)}${message.endsWith('.') ? '' : '.'}`;

/** The update to send, or the message for each field that is not right. */
export function checkDetails(id: string, draft: DetailsDraft): { ok: true; arg: ApiArg<'updateArticle'> } | { ok: false; errors: DetailsErrors } {
  const errors: DetailsErrors = {};
  const arg: Record<string, unknown> = { id };
  for (const field of DETAIL_FIELDS) {
    const parsed = field === 'tags' ? tagsSchema.safeParse(splitTags(draft.tags)) : SCHEMAS[field].safeParse(draft[field]);
    if (parsed.success) arg[field] = parsed.data;
    else errors[field] = sentence(parsed.error.issues[0]!.message);
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, arg: arg as ApiArg<'updateArticle'> };
}
