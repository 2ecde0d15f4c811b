/**
 * The one merge of two copies of a record: a notebook's and one that arrives (a bundle, a git
 * remote, a sync service's conflict copy). Pure, and the same answer whichever side runs it,
 * so two notebooks that swap their records both ways end equal:
 * - a record new here is added; one changed on one side only takes that change;
 * - one changed on both sides keeps the newer edit, and the other version goes into the
 *   record's conflict history — nothing is dropped;
 * - one deleted on one side and edited on the other is kept (deleting what someone else has
 *   since changed is not what either of them meant).
 * See revisions.ts for how "changed since" is told.
 */
import { MAX_CONFLICTS } from './conflict-limits';
import { ancestorList, contentOf, MAX_ANCESTORS } from './revisions';
import { stableJson } from './stable-json';

/** Two versions that say the same thing, whenever each was saved. */
function sameEdit(a: object, b: object): boolean {
  const { updatedAt: _a, ...left } = contentOf(a);
  const { updatedAt: _b, ...right } = contentOf(b);
  return stableJson(left) === stableJson(right);
}

/** What a merge needs of a record: revisions, when it was last edited, and its conflict history. */
export interface MergeableRecord {
  rev: string;
  revs: string[];
  updatedAt: string;
  conflicts?: ConflictVersion<this>[];
}

/** A version that lost a conflict: the record as it was, without its own history. */
export type ConflictVersion<T> = Omit<T, 'conflicts' | 'revs'>;

/** What is left of a deleted record: which version was deleted, and when. */
export interface Tombstone {
  deleted: true;
  rev: string;
  revs: string[];
  deletedAt: string;
}

export type MergeOutcome<T> =
  | { kind: 'unchanged' }
  | { kind: 'added'; record: T }
  | { kind: 'updated'; record: T }
  | { kind: 'conflict'; record: T; kept: ConflictVersion<T> }
  /** Both sides made the same edit apart: one record, whose history joins both. */
  | { kind: 'merged'; record: T }
  /** Deleted here, edited there: the edit comes back. */
  | { kind: 'restored'; record: T }
  /** Edited here, deleted there: this notebook's version stays. */
  | { kind: 'kept' }
  | { kind: 'deleted' };

export const isTombstone = (value: MergeableRecord | Tombstone): value is Tombstone => 'deleted' in value && value.deleted === true;

/** True when `later` is `earlier` or an edit made after it. */
const supersedes = (later: { rev: string; revs: string[] }, earlier: { rev: string }): boolean =>
  later.rev === earlier.rev || later.revs.includes(earlier.rev);

/** The newer edit wins; on the same instant, the larger revision id (any fixed rule does, if both sides use it). */
function newer<T extends MergeableRecord>(a: T, b: T): [winner: T, loser: T] {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? [a, b] : [b, a];
  return a.rev > b.rev ? [a, b] : [b, a];
}

/** The revision of a merge of `a` and `b`: the same whichever is local. */
export function mergedRevision(a: string, b: string): string {
  const [first, second] = a < b ? [a, b] : [b, a];
  const time = second.split('-')[0]! > first.split('-')[0]! ? second.split('-')[0]! : first.split('-')[0]!;
  let hash = 0x811c9dc5;
  for (const char of `${first}+${second}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return `${time}-m${(hash >>> 0).toString(36)}${first.slice(-4)}${second.slice(-4)}`;
}

export function versionOf<T extends MergeableRecord>(record: T): ConflictVersion<T> {
  const { conflicts: _conflicts, revs: _revs, ...version } = record;
  return version as ConflictVersion<T>;
}

/**
 * Both edited since they parted: the newer edit is the record, and the other joins the
 * conflict history. Versions the winner already descends from are not conflicts any more —
 * unless the winner keeps them in its own conflict history: a merge descends from the version it
 * set aside there, and that version must survive the next merge (with three edits of one record,
 * the first loser was dropped when the merged record met the third).
 */
function resolveConflict<T extends MergeableRecord>(local: T, incoming: T): { record: T; kept: ConflictVersion<T> } {
  const [winner, loser] = newer(local, incoming);
  const keptByWinner = new Set((winner.conflicts ?? []).map((version) => version.rev));
  const superseded = new Set([winner.rev, ...winner.revs].filter((rev) => !keptByWinner.has(rev)));
  const byRev = new Map<string, ConflictVersion<T>>();
  for (const version of [...(local.conflicts ?? []), ...(incoming.conflicts ?? []), versionOf(loser)]) {
    if (!superseded.has(version.rev)) byRev.set(version.rev, version);
  }
  const conflicts = [...byRev.values()].sort((a, b) => (a.rev < b.rev ? 1 : a.rev > b.rev ? -1 : 0)).slice(0, MAX_CONFLICTS);
  const record = {
    ...winner,
    rev: mergedRevision(local.rev, incoming.rev),
    revs: ancestorList([local.rev, incoming.rev, ...local.revs, ...incoming.revs]).slice(0, MAX_ANCESTORS),
    conflicts,
  };
  return { record, kept: versionOf(loser) };
}

/** Merges the copy that arrives into this notebook's copy (`null` when it never held the record). */
export function mergeRecord<T extends MergeableRecord>(local: T | Tombstone | null, incoming: T | Tombstone): MergeOutcome<T> {
  if (isTombstone(incoming)) {
    if (local === null || isTombstone(local)) return { kind: 'unchanged' };
    return supersedes(incoming, local) ? { kind: 'deleted' } : { kind: 'kept' };
  }
  if (local === null) return { kind: 'added', record: incoming };
  if (isTombstone(local)) return supersedes(local, incoming) ? { kind: 'unchanged' } : { kind: 'restored', record: incoming };
  if (supersedes(local, incoming)) return { kind: 'unchanged' };
  if (supersedes(incoming, local)) return { kind: 'updated', record: incoming };
  const { record, kept } = resolveConflict(local, incoming);
  if (sameEdit(local, incoming)) return { kind: 'merged', record: { ...record, conflicts: (record.conflicts ?? []).filter((c) => c.rev !== kept.rev) } };
  return { kind: 'conflict', record, kept };
}
