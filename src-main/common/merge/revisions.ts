/**
 * Revisions: how a merge tells "changed on one side" from "changed on both". Every committed
 * change gives the records it changes a new revision id and remembers the ids before it (the
 * record's ancestors, newest first, capped). When two copies of a record meet, the one whose
 * ancestors include the other's revision is the later edit of it; when neither does, both were
 * edited since they parted — a conflict.
 *
 * Revision ids are made, not hashed from content: undoing an edit returns a record to text it
 * had before, and that must still count as a new edit (else a colleague's copy of the undone
 * version would look newer and come back). Ids begin with the time in base 36 so that sorting
 * them puts the newest first — the cap keeps the most recent ancestors, the same on both sides.
 */
import { z } from '../zod';
import { stableJson, stableJsonDigest } from './stable-json';

/** How many ancestor revisions a record remembers. */
export const MAX_ANCESTORS = 10;

export const revisionIdSchema = z.string().regex(/^[0-9a-z]{1,12}-[0-9a-z]{4,32}$/, { error: 'a revision id must look like <time>-<letters and digits>' });

/**
 * The revision an update was based on: the `rev` of the version the editing window loaded
 * (`null` for a record written before revisions existed). An update whose base is no longer the
 * record's revision is refused as stale; without one (the command line, older callers) it is not checked.
 */
export const baseRevSchema = revisionIdSchema.nullable().optional();

/** The records whose updates carry a base revision, as a refusal or a window names them. */
export type EditedKind = 'note' | 'claim' | 'highlight' | 'article';

/** The fields every exchanged record carries beside its own. */
export const revisionFields = {
  /** This version's revision id (absent on records written before revisions existed). */
  rev: revisionIdSchema.optional(),
  /** The revisions this version descends from, newest first (at most MAX_ANCESTORS). */
  revs: z.array(revisionIdSchema).max(MAX_ANCESTORS * 2).optional(),
};

export interface Revisioned {
  rev?: string;
  revs?: string[];
}

/** A revision id for an edit made at `stamp`, with `random` (base-36 letters) to tell apart edits made in the same millisecond. */
export function newRevision(stamp: string, random: string): string {
  const time = Date.parse(stamp);
  return `${(Number.isNaN(time) ? 0 : time).toString(36).padStart(9, '0')}-${random}`;
}

/** Newest first, no repeats, at most MAX_ANCESTORS: the same list from the same revisions in any order. */
export function ancestorList(revisions: Iterable<string>): string[] {
  return [...new Set(revisions)].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)).slice(0, MAX_ANCESTORS);
}

/** The ancestors of a version that replaces `previous`: `previous` itself, then its own. */
export function descendantRevs(previous: Revisioned | null | undefined, previousRev: string | undefined): string[] {
  if (!previousRev) return [];
  return ancestorList([previousRev, ...(previous?.revs ?? [])]);
}

/**
 * A stable revision id for a record written before revisions existed: made from its content,
 * so both sides of an exchange call the same untouched record by the same id.
 */
export function legacyRevision(content: unknown): string {
  return `0-${stableJsonDigest(content)}`;
}

/** Fields that are not the record's content: its revisions, its conflicts, and whether this reader opened it. */
const NOT_CONTENT = new Set(['rev', 'revs', 'conflicts', 'openedAt']);

/** A record's content, for comparing two versions and for a legacy revision. */
export function contentOf(record: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !NOT_CONTENT.has(key)));
}

/** True when two versions of a record hold the same content. */
export function sameContent(a: object, b: object): boolean {
  return stableJson(contentOf(a)) === stableJson(contentOf(b));
}

/** A record's revision: its own, or for one written before revisions existed, one made from its content. */
export function revisionOf(record: Revisioned & object): string {
  return record.rev ?? legacyRevision(contentOf(record));
}
