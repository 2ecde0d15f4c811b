/**
 * The notebook bundle (`.marginalia.json`): the records of a scope, whole and with their
 * revisions, so a colleague's notebook can merge them record by record. One JSON object:
 * a format name and version, where it came from, the records, what was deleted, and a
 * SHA-256 checksum of the rest — a bundle changed or cut short on the way is refused.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { annotationSchema, colorLegendSchema } from '../../../common/annotation-schema';
import { stableJson } from '../../../common/merge/revisions';
import { claimSchema, noteSchema } from '../../../common/research-schema';
import { articleSchema, timestampSchema } from '../../../common/schema';
import { deletionSchema } from '../../../store/deletion-log';

export const BUNDLE_FORMAT = 'marginalia-bundle';
export const BUNDLE_VERSION = 1;
export const BUNDLE_EXTENSION = 'marginalia.json';

/** A bundle's records, each whole (an article with its text; a note with its body). */
export const bundleBodySchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(BUNDLE_VERSION),
    /** The notebook it was exported from (its folder's name). */
    notebook: z.string().max(500),
    exportedAt: timestampSchema,
    /** What the export was asked for, in words ("alliance", "the whole notebook"). */
    scope: z.string().max(1000),
    legend: colorLegendSchema,
    articles: z.array(articleSchema),
    annotations: z.array(annotationSchema),
    claims: z.array(claimSchema),
    notes: z.array(noteSchema),
    deletions: z.array(deletionSchema),
  })
  .strict();
export type BundleBody = z.infer<typeof bundleBodySchema>;

export const bundleSchema = bundleBodySchema.extend({ checksum: z.string() }).strict();
export type Bundle = z.infer<typeof bundleSchema>;

/** `sha256:` and the hex digest of the body's stable JSON (keys sorted). */
export function bundleChecksum(body: BundleBody): string {
  return `sha256:${createHash('sha256').update(stableJson(body)).digest('hex')}`;
}

/** The bundle file's text: the body and its checksum, indented so a person (and git) can read it. */
export function writeBundle(body: BundleBody): string {
  return `${JSON.stringify({ ...body, checksum: bundleChecksum(body) }, null, 1)}\n`;
}
