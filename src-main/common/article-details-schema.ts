/**
 * The article details a person edits in "Edit details": authors, publisher, address and
 * publication date, each of which can be cleared. Shared by the contract (`updateArticle`)
 * and the edit dialog, which checks each field with the same schema to show its message
 * beside the field.
 */
import { z } from './zod';

/**
 * Optional text that may be cleared: whitespace is collapsed, and an empty string or `null`
 * means "no value" (`null` after parsing).
 */
export function clearableText(noun: string, max: number) {
  return z
    .string({ error: `${noun} must be text` })
    .nullable()
    .transform((value) => (value ?? '').replace(/\s+/g, ' ').trim())
    .refine((value) => value.length <= max, { error: `${noun} is longer than ${max} characters` })
    .transform((value) => (value === '' ? null : value));
}

/**
 * True for an absolute http or https address with a host and no spaces. Written as a pattern
 * because `common/` runs where no `URL` global is typed (the main side's lib has no DOM).
 */
export function isWebAddress(value: string): boolean {
  return /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i.test(value);
}

/** True for a calendar date written YYYY-MM-DD that exists (no 31 April, 29 February only in leap years). */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const bylineSchema = clearableText('authors', 500);
export const siteNameSchema = clearableText('publisher', 300);

export const articleUrlSchema = clearableText('URL', 2000).refine((value) => value === null || isWebAddress(value), {
  error: 'the URL must be a web address starting with http:// or https:// (for example https://example.org/story)',
});

export const publishedDateSchema = clearableText('published date', 10).refine((value) => value === null || isRealDate(value), {
  error: 'the published date must be a real date written YYYY-MM-DD (for example 2024-07-28)',
});
