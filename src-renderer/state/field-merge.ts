/**
 * Merging an edit refused as stale, field by field, against the version it started from (its
 * base): a field only this window changed is sent again; a field only the other window changed
 * is left as they made it; a field both changed to different values is a conflict for the
 * person to decide. Pure, so the rule is tested apart from any window.
 */

export type Fields = Record<string, unknown>;

/** Empty is empty: an absent detail, a cleared one and "" are the same to a person. */
const normal = (value: unknown): string => JSON.stringify(value === undefined || value === '' ? null : value);

/** True when two field values say the same. */
export function sameValue(a: unknown, b: unknown): boolean {
  return normal(a) === normal(b);
}

export interface FieldMerge<F extends Fields> {
  /** This window's changes that the other window left alone: what to send again. */
  send: Partial<F>;
  /** Fields both windows changed, to different values. */
  conflicts: (keyof F & string)[];
}

/**
 * `mine` holds the fields this window sends (possibly unchanged ones too); `base` the version it
 * started from; `theirs` the version now stored.
 */
export function mergeFields<F extends Fields>(base: F, theirs: F, mine: Partial<F>): FieldMerge<F> {
  const send: Partial<F> = {};
  const conflicts: (keyof F & string)[] = [];
  for (const field of Object.keys(mine) as (keyof F & string)[]) {
    const value = mine[field];
    if (sameValue(value, base[field]) || sameValue(value, theirs[field])) continue;
    if (sameValue(theirs[field], base[field])) send[field] = value;
    else conflicts.push(field);
  }
  return { send, conflicts };
}

/** "Keep both" for a text: this window's, then the other window's, a blank line apart. */
export function bothTexts(mine: string, theirs: string): string {
  return `${mine.trimEnd()}\n\n${theirs.trimStart()}`;
}
