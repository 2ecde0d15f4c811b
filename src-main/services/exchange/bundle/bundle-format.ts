/**
 * The notebook bundle (`.marginalia.json`): the records of a scope, whole and with their
 * revisions, so a colleague's notebook can merge them record by record. One JSON object:
 * a format name and version, where it came from, the records, what was deleted, and a
 * SHA-256 checksum of the rest — a bundle changed or cut short on the way is refused.
 */
import { createHash } from 'node:crypto';
import { z } from '../../../common/zod';
import { annotationSchema, colorLegendSchema } from '../../../common/annotation-schema';
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

/**
 * The bundle file: a first line naming the SHA-256 of every byte after it, then the body. The
 * checksum is over the file's own bytes, so checking it neither parses nor re-serialises a
 * bundle that can be hundreds of megabytes; any change after export (a byte, or a whole record
 * reformatted) shows.
 */
const HEADER = /^\{"checksum":"(sha256:[0-9a-f]{64})",/;

const sha256 = (bytes: string | Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** The bundle file's text. */
export function writeBundle(body: BundleBody): string {
  // The body's own JSON without its opening brace: the header opens the object instead.
  const rest = JSON.stringify(body).slice(1);
  return `{"checksum":"${sha256(rest)}",${rest}\n`;
}

/**
 * The checksum a bundle file names, and whether the bytes after its header match it; undefined
 * when the file does not begin with one.
 */
export function checkBundleBytes(bytes: Uint8Array): { named: string; matches: boolean } | undefined {
  const head = Buffer.from(bytes.subarray(0, 100)).toString('latin1');
  const match = HEADER.exec(head);
  if (!match) return undefined;
  let end = bytes.length;
  while (end > match[0].length && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) end -= 1;
  return { named: match[1]!, matches: sha256(bytes.subarray(match[0].length, end)) === match[1] };
}
