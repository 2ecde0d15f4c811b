/**
 * Edits waiting for the person to choose between their version and the other window's (see
 * based-save). One is shown at a time, the first asked; each asker waits on its own answer.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { EditedKind } from '../../src-main/common/merge/revisions';

/** `later`: dismissed without choosing; the edit stays unsaved in its field. */
export type KeepChoice = 'mine' | 'theirs' | 'both' | 'later';

export interface ConflictingField {
  field: string;
  /** What the field is called: "Text", "Tags". */
  label: string;
  mine: unknown;
  theirs: unknown;
}

export interface EditConflict {
  kind: EditedKind;
  /** What the person calls the record (a title, a statement, a quote). */
  name: string;
  fields: ConflictingField[];
  /** Both versions can be kept together (long text: a note's, a comment). */
  canKeepBoth: boolean;
}

/** A conflict as shown: `id` tells one asked after another apart. */
export interface ShownConflict extends EditConflict {
  id: number;
}

interface Pending extends ShownConflict {
  answer: (choice: KeepChoice) => void;
}

let asked = 0;

export const editConflictStore = createStore<{ pending: Pending[] }>(() => ({ pending: [] }));

/** Shows `conflict` and resolves with what the person chose. */
export function askWhichToKeep(conflict: EditConflict): Promise<KeepChoice> {
  return new Promise((resolve) => {
    editConflictStore.setState(({ pending }) => ({ pending: [...pending, { ...conflict, id: ++asked, answer: resolve }] }));
  });
}

/** The person's choice for the conflict shown. */
export function chooseVersion(choice: KeepChoice): void {
  const [first, ...rest] = editConflictStore.getState().pending;
  if (!first) return;
  editConflictStore.setState({ pending: rest });
  first.answer(choice);
}

/** The conflict to show now, if any. */
export function useEditConflict(): ShownConflict | null {
  return useStore(editConflictStore, (state) => state.pending[0] ?? null);
}
