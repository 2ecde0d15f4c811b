/**
 * How the history log stores note bodies: in proportion to the edit. An autosave of a 20 KB note
 * recorded both bodies in full, 40 KB per step; here a body the log already holds is written as
 * a reference to it (`{ ref }`, its hash) and the body after the edit as the span that changed
 * (`{ at, cut, put }`), so a step costs what the person typed.
 *
 * A reference only ever names a body of a step still on the stacks when the line is written, and
 * the log is replayed in order, so the reader finds it on its own stacks at that line: nothing is
 * looked up outside the log. A body written in full (old lines, a first edit) stays readable.
 */
import { createHash } from 'node:crypto';
import { z } from '../common/zod';
import type { Note } from '../common/model';
import type { Change, HistoryEntry } from './notebook-files';

/** A body the stacks hold, by its hash. */
const refSchema = z.object({ ref: z.string() });
/** The body after an edit: the body before with `cut` characters at `at` replaced by `put`. */
const patchSchema = z.object({ at: z.number().int().nonnegative(), cut: z.number().int().nonnegative(), put: z.string() });
export const storedBodySchema = z.union([z.string(), refSchema, patchSchema]);
type StoredBody = z.infer<typeof storedBodySchema>;

/** Bodies shorter than this are stored as they are: a reference would save nothing. */
const SMALL_BODY = 256;

export const bodyHash = (body: string): string => createHash('sha256').update(body).digest('base64url').slice(0, 22);

/** The span that changed between two texts: what is left after their common start and end. */
export function textPatch(before: string, after: string): { at: number; cut: number; put: string } {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { at: start, cut: before.length - start - end, put: after.slice(start, after.length - end) };
}

export const applyPatch = (before: string, { at, cut, put }: { at: number; cut: number; put: string }): string =>
  before.slice(0, at) + put + before.slice(at + cut);

/** Note bodies of the steps on the stacks, for references to resolve against. */
export class KnownBodies {
  /** `entries` lists the steps to look in, the likeliest (newest) first. */
  constructor(private readonly entries: () => Iterable<HistoryEntry>) {}

  /** The body on the stacks equal to `body` (the same string, so memory holds it once). */
  same(body: string): string | undefined {
    for (const candidate of this.#bodies()) if (candidate === body) return candidate;
    return undefined;
  }

  /** The body on the stacks whose hash is `hash` (usually the newest step's: one hash). */
  byHash(hash: string): string | undefined {
    for (const candidate of this.#bodies()) if (bodyHash(candidate) === hash) return candidate;
    return undefined;
  }

  *#bodies(): Generator<string> {
    for (const entry of this.entries()) {
      for (const change of entry.changes) {
        if (change.kind !== 'note') continue;
        if (change.after) yield change.after.body;
        if (change.before) yield change.before.body;
      }
    }
  }
}

/** Steps newest first. */
export function* newestFirst(...lists: readonly (readonly HistoryEntry[])[]): Generator<HistoryEntry> {
  for (const list of lists) for (let i = list.length - 1; i >= 0; i--) yield list[i]!;
}

/** Encodes a list of steps on its own: a step's references name only steps before it in the list. */
export function encodeList(entries: readonly HistoryEntry[]): { stored: unknown[]; kept: HistoryEntry[] } {
  const kept: HistoryEntry[] = [];
  const known = new KnownBodies(() => newestFirst(kept));
  const stored = entries.map((entry) => {
    const encoded = encodeEntry(entry, known);
    kept.push(encoded.kept);
    return encoded.stored;
  });
  return { stored, kept };
}

/** Decodes a list written by `encodeList`; steps that cannot be resolved or are not valid are left out. */
export function decodeList(values: readonly StoredEntry[], valid: (entry: HistoryEntry) => HistoryEntry | undefined): HistoryEntry[] {
  const decoded: HistoryEntry[] = [];
  const known = new KnownBodies(() => newestFirst(decoded));
  for (const value of values) {
    const entry = decodeEntry(value, known);
    const checked = entry && valid(entry);
    if (checked) decoded.push(checked);
  }
  return decoded;
}

export type StoredEntry = { changes: readonly unknown[] } & Omit<HistoryEntry, 'changes'>;

type NoteChange = Extract<Change, { kind: 'note' }>;
type StoredNote = Omit<Note, 'body'> & { body: StoredBody };

/**
 * A step as the log writes it: each note's body before as a reference when the stacks hold it,
 * and its body after as a patch of the body before. Also answers the step with bodies shared
 * with the stacks, to keep in memory.
 */
export function encodeEntry(entry: HistoryEntry, known: KnownBodies): { stored: unknown; kept: HistoryEntry } {
  if (!entry.changes.some((c) => c.kind === 'note')) return { stored: entry, kept: entry };
  const stored: unknown[] = [];
  const kept: Change[] = [];
  for (const change of entry.changes) {
    if (change.kind !== 'note') {
      stored.push(change);
      kept.push(change);
      continue;
    }
    const before = change.before && { ...change.before, body: known.same(change.before.body) ?? change.before.body };
    const after = change.after && { ...change.after, body: before?.body === change.after.body ? before.body : change.after.body };
    kept.push({ ...change, before, after });
    const beforeBody = before && (before.body.length >= SMALL_BODY && known.same(before.body) !== undefined ? { ref: bodyHash(before.body) } : before.body);
    const afterBody = after && (before && after.body.length >= SMALL_BODY ? textPatch(before.body, after.body) : after.body);
    stored.push({ ...change, before: before && { ...before, body: beforeBody }, after: after && { ...after, body: afterBody } });
  }
  return { stored: { ...entry, changes: stored }, kept: { ...entry, changes: kept } };
}

const resolve = (body: StoredBody, base: string | undefined, known: KnownBodies): string | undefined => {
  if (typeof body === 'string') return body;
  if ('ref' in body) return known.byHash(body.ref);
  return base === undefined ? undefined : applyPatch(base, body);
};

/**
 * The step a stored line describes, its bodies resolved against the stacks as they are at that
 * line; undefined when a reference names no body the stacks hold (the line is then skipped, like
 * a damaged one).
 */
export function decodeEntry(value: StoredEntry, known: KnownBodies): HistoryEntry | undefined {
  const changes: Change[] = [];
  for (const raw of value.changes) {
    const change = raw as NoteChange | { kind: string };
    if (change.kind !== 'note') {
      changes.push(change as Change);
      continue;
    }
    const { before: storedBefore, after: storedAfter } = change as unknown as { before: StoredNote | null; after: StoredNote | null };
    const beforeBody = storedBefore ? resolve(storedBefore.body, undefined, known) : undefined;
    const afterBody = storedAfter ? resolve(storedAfter.body, beforeBody, known) : undefined;
    if ((storedBefore && beforeBody === undefined) || (storedAfter && afterBody === undefined)) return undefined;
    changes.push({
      ...(change as NoteChange),
      before: storedBefore && { ...storedBefore, body: beforeBody! },
      after: storedAfter && { ...storedAfter, body: afterBody === beforeBody ? beforeBody! : afterBody! },
    });
  }
  return { ...value, changes };
}
