/**
 * Saving the open note's title, text and tags, based on the version its editor started from
 * (the store's `base`): another window's change meanwhile is merged, or shown beside this one
 * for the person to choose (see based-save). A note's text can keep both versions.
 */
import type { ApiResponse } from '../../src-main/common/api';
import type { Note, NoteView } from '../../src-main/common/model';
import { notebook } from '../notebook-client';
import { saveBased } from './based-save';
import type { NoteDraft } from './note-drafts';

type NoteFields = { title: string; body: string; tags: string[] };

/** Saves `mine` for the note whose editor started from `base`; answers the note as it now is. */
export function saveNoteFields(base: NoteView, mine: Partial<NoteFields>): Promise<ApiResponse<Note>> {
  return saveBased<Note, NoteFields>({
    kind: 'note',
    name: base.title,
    base,
    mine,
    fieldsOf: (note) => ({ title: note.title, body: note.body, tags: note.tags }),
    labels: { title: 'Title', body: 'Text', tags: 'Tags' },
    joinable: ['body'],
    send: (fields, baseRev) => notebook.updateNote({ id: base.id, ...fields, baseRev }),
    fetchCurrent: () => notebook.getNote({ id: base.id }),
  });
}

/** The new base after a save: the note as saved, with the links the editor already shows resolved. */
export function baseAfterSave(view: NoteView, saved: Note): NoteView {
  return { ...view, ...saved, links: view.links };
}

/** What a draft keeps: the typing, and the version it started from. */
export function draftOf(note: Pick<Note, 'title' | 'body'>, base: Pick<Note, 'title' | 'body' | 'rev'>): NoteDraft {
  return { title: note.title, body: note.body, base: { title: base.title, body: base.body, rev: base.rev ?? null } };
}

/**
 * The editor's text once a save answered: a field typed in since it was sent stays as typed;
 * the others show what was saved (which a merge may have changed).
 */
export function editorAfterSave(editor: Pick<Note, 'title' | 'body'>, sent: Pick<Note, 'title' | 'body'>, saved: Note, titleSent: boolean) {
  return {
    title: titleSent && editor.title === sent.title ? saved.title : editor.title,
    body: editor.body === sent.body ? saved.body : editor.body,
  };
}
