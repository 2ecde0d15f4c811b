/**
 * The safety net under autosave: every keystroke in a note is written at once to the window's
 * local storage, synchronously, and removed when the main side has saved it. A reload or crash
 * between a keystroke and its save therefore loses nothing; the next open restores the draft.
 */
export interface NoteDraft {
  title: string;
  body: string;
  /**
   * The saved version the typing started from: restored with the draft, so a save after a
   * reload is still based on it, and another window's change meanwhile is merged, not replaced.
   */
  base?: { title: string; body: string; rev: string | null };
}

const key = (id: string) => `marginalia.note-draft.${id}`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: autosave alone still runs
  }
}

export function keepDraft(id: string, draft: NoteDraft): void {
  try {
    storage()?.setItem(key(id), JSON.stringify(draft));
  } catch {
    // Full or unavailable: the save to the notebook is still on its way.
  }
}

export function readDraft(id: string): NoteDraft | null {
  const raw = storage()?.getItem(key(id));
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<NoteDraft>;
    if (typeof value.title !== 'string' || typeof value.body !== 'string') return null;
    const base = value.base;
    const baseOk = base !== null && typeof base === 'object' && typeof base.title === 'string' && typeof base.body === 'string' && (base.rev === null || typeof base.rev === 'string');
    return { title: value.title, body: value.body, ...(baseOk ? { base: { title: base.title, body: base.body, rev: base.rev } } : {}) };
  } catch {
    return null;
  }
}

export function dropDraft(id: string): void {
  storage()?.removeItem(key(id));
}
