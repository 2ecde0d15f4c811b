/**
 * Saving an edit of one record without writing over another window's. The edit is sent with
 * the revision it started from; the notebook refuses it as `stale` when the record changed
 * since. Then the current version is fetched and merged field by field with the edit (see
 * field-merge): what only this window changed is sent again at once, based on the current
 * version; where both windows changed the same field, the person sees both versions and
 * chooses (see edit-conflict-store). Until they do, nothing they typed is dropped.
 */
import type { ApiResponse } from '../../src-main/common/api';
import type { EditedKind } from '../../src-main/common/merge/revisions';
import { bothTexts, mergeFields, type Fields } from './field-merge';
import { askWhichToKeep } from './edit-conflict-store';
import { report } from './status-store';

/** How often a merged edit is sent again when yet another change beats it. */
const ATTEMPTS = 3;

export interface BasedSave<R extends { rev?: string | undefined }, F extends Fields> {
  kind: EditedKind;
  /** What the person calls the record, for the words. */
  name: string;
  /** The version the edit started from. */
  base: R;
  /** The fields as the person left them. */
  mine: Partial<F>;
  /** The edited fields of a version. */
  fieldsOf: (record: R) => F;
  /** What each field is called, for the choice. */
  labels: Record<keyof F & string, string>;
  /** Text fields whose two versions can both be kept ("Keep both"). */
  joinable?: readonly (keyof F & string)[];
  /** Sends `fields` based on revision `baseRev`; answers the record as saved. */
  send: (fields: Partial<F>, baseRev: string | null) => Promise<ApiResponse<R>>;
  /** The version stored now. */
  fetchCurrent: () => Promise<ApiResponse<R>>;
}

/**
 * Saves the edit; answers the record as it is afterwards (saved, merged, or the other window's
 * when the person kept theirs), or the failure — `stale` when they chose to decide later.
 */
export async function saveBased<R extends { rev?: string | undefined }, F extends Fields>(edit: BasedSave<R, F>): Promise<ApiResponse<R>> {
  let base = edit.base;
  let mine = edit.mine;
  let answer = await edit.send(mine, base.rev ?? null);
  for (let attempt = 1; attempt < ATTEMPTS && !answer.ok && answer.error.code === 'stale'; attempt += 1) {
    const current = await edit.fetchCurrent();
    if (!current.ok) return current;
    const theirs = edit.fieldsOf(current.value);
    const merge = mergeFields(edit.fieldsOf(base), theirs, mine);
    let fields = merge.send;
    if (merge.conflicts.length > 0) {
      const joinable = edit.joinable ?? [];
      const choice = await askWhichToKeep({
        kind: edit.kind,
        name: edit.name,
        fields: merge.conflicts.map((field) => ({ field, label: edit.labels[field], mine: mine[field], theirs: theirs[field] })),
        canKeepBoth: merge.conflicts.every((field) => joinable.includes(field)),
      });
      if (choice === 'later') return answer;
      if (choice !== 'theirs') {
        const resolved = Object.fromEntries(
          merge.conflicts.map((field) => [field, choice === 'both' ? bothTexts(String(mine[field] ?? ''), String(theirs[field] ?? '')) : mine[field]]),
        ) as Partial<F>;
        fields = { ...fields, ...resolved };
      }
    }
    if (Object.keys(fields).length === 0) {
      report(merge.conflicts.length > 0 ? `Kept the version from the other window.` : 'The other window had made the same change.');
      return current;
    }
    if (merge.conflicts.length === 0) report(`Combined your change with one made in another window.`);
    base = current.value;
    mine = fields;
    answer = await edit.send(mine, base.rev ?? null);
  }
  return answer;
}
