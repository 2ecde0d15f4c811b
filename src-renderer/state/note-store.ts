/**
 * The note open in the editor, and whether what the person typed is on disk yet.
 * `note.title` and `note.body` are the editor's text, which may be ahead of the saved note.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { NoteView } from '../../src-main/common/model';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed';

export interface NoteState {
  note: NoteView | null;
  /**
   * The saved version the editor's text was started from, with its revision: what a save is
   * based on, and what a save refused as stale is merged against (see note-save).
   */
  base: NoteView | null;
  /** The note being fetched, if any. */
  opening: string | null;
  save: SaveState;
}

export const initialNoteState: NoteState = { note: null, base: null, opening: null, save: 'saved' };

export const noteStore = createStore<NoteState>(() => initialNoteState);

export function useOpenNote(): NoteState {
  return useStore(noteStore);
}
