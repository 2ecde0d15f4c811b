/**
 * Opening a note found by search. The Notes section (with its editor and `openNote(id)`) is
 * built beside this feature; until it is wired here, the note's title is announced so the
 * person knows where the match is.
 */
import { report } from '../../state/status-store';

export function openNoteResult(_id: string, title: string): void {
  report(`The note “${title}” matches. Open it from Notes.`);
}
