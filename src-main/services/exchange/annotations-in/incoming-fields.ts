/**
 * The fields every reader turns into an IncomingAnnotation the same way: the external id, the
 * tags (normalised as the notebook stores them) and the dates.
 */
import { createHash } from 'node:crypto';
import { tagSchema } from '../../../common/schema';
import { describeValue } from './json-fields';

/** Longest id kept; an id is matched on re-import, never shown or used as a path. */
export const MAX_EXTERNAL_ID = 2_000;
/** As many tags as a highlight may carry (tagsSchema in common/schema.ts). */
const MAX_TAGS = 200;

/** Collects "left out" messages for one annotation, each prefixed with the annotation's id. */
export type Warn = (message: string) => void;

export function warnerFor(warnings: string[], label: string): Warn {
  return (message) => warnings.push(`${label}: ${message}`);
}

/**
 * The id to remember an annotation by. A file without ids (a hand-made list) still must not add
 * the same highlights twice when imported twice, so such an annotation is named by a hash of
 * what it says.
 */
export function externalIdOf(id: string | undefined, content: unknown): string {
  if (id !== undefined && id.trim() !== '') return id.trim();
  return `urn:marginalia:content:${createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 32)}`;
}

/**
 * Tags as the notebook stores them (trimmed, spaces to "-", lower case, no empty segments),
 * without duplicates. A value that cannot be a tag is left out with a warning, never silently.
 */
export function normaliseTags(raw: readonly unknown[], warn: Warn): string[] {
  const tags = new Set<string>();
  for (const value of raw) {
    const parsed = tagSchema.safeParse(value);
    if (!parsed.success) {
      warn(`tag ${describeValue(value)} left out: ${parsed.error.issues[0]?.message ?? 'not a tag'}`);
    } else if (tags.size >= MAX_TAGS && !tags.has(parsed.data)) {
      warn(`tag ${describeValue(value)} left out: a highlight keeps at most ${MAX_TAGS} tags`);
    } else {
      tags.add(parsed.data);
    }
  }
  return [...tags];
}

/** ISO 8601 date and time at the start, as both formats write it; Date.parse alone takes "1" for 2001. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A date as the notebook stores it (UTC, `Z`), or undefined with a warning when it is not one. */
export function readTimestamp(value: unknown, name: string, warn: Warn): string | undefined {
  if (value === undefined || value === null) return undefined;
  const time = typeof value === 'string' && ISO_DATE_TIME.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isFinite(time)) return new Date(time).toISOString();
  warn(`${name} date ${describeValue(value)} left out: not an ISO 8601 date and time`);
  return undefined;
}
