/**
 * Stale updates. A window sends with each update the revision of the version it loaded
 * (`baseRev`). When the record has been changed since — in another window, by a sync — writing
 * the update would silently replace that change: the last writer would win. It is refused
 * instead, inside the update's plan on the write queue (so no write can land between the check
 * and the commit), and nothing is staged; the window fetches the current version and merges.
 */
import { NotebookError } from '../common/errors';
import { sameContent, type EditedKind, type Revisioned } from '../common/merge/revisions';
import type { Plan } from './commit';

export interface BasedEdit {
  kind: EditedKind;
  /** What the person calls the record: a note's or article's title, a claim's statement, a highlight's quote. */
  name: string;
  /** The revision the update was based on; `undefined` when the caller did not say (no check). */
  baseRev: string | null | undefined;
}

/** What the update's plan does: write it, or nothing because the record already holds what it would write. */
export type BaseCheck = 'write' | 'unchanged';

const NAME_LENGTH = 80;

function quoted(name: string): string {
  const flat = name.replace(/\s+/g, ' ').trim();
  return `“${flat.length > NAME_LENGTH ? `${flat.slice(0, NAME_LENGTH - 1).trimEnd()}…` : flat}”`;
}

/** The refusal, in words a person can act on. */
export function staleEditError({ kind, name }: Pick<BasedEdit, 'kind' | 'name'>): NotebookError {
  return new NotebookError(
    'stale',
    `This ${kind} (${quoted(name)}) was changed in another window, or by a sync, after you began editing it, so your change was not saved. Look at its current version and make your change again.`,
  );
}

/**
 * Checks an update of `current` into `next` against the revision it was based on. Throws a
 * `stale` NotebookError when the record changed since and the update would write something
 * else; answers `unchanged` when it changed since but already holds what the update would write
 * (both windows made the same edit), so the update succeeds without writing.
 */
export function checkBase<T extends Revisioned & object>(edit: BasedEdit, current: T, next: T): BaseCheck {
  if (edit.baseRev === undefined || (current.rev ?? null) === edit.baseRev) return 'write';
  // The time of the edit is not what the person wrote: the same text saved twice is the same.
  if (sameContent({ ...current, updatedAt: null }, { ...next, updatedAt: null })) return 'unchanged';
  throw staleEditError(edit);
}

/** The plan of an update that writes nothing and answers `result` (the record as it is). */
export function unchangedPlan<T>(result: T): Plan<T> {
  return { label: '', changes: [], result };
}
