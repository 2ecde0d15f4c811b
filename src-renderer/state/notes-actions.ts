/**
 * Notes: open one in the editor, create one (linked to a passage or claim), edit with autosave,
 * link, unlink and delete. Typing is saved half a second after the last keystroke, when the
 * field loses focus, and before another note or view opens; see note-drafts for reloads.
 */
import type { LinkTarget, Relation } from '../../src-main/common/model';
import { shortenQuote } from '../components/shorten-quote';
import { notebook } from '../notebook-client';
import { highlightForUse } from './annotation-actions';
import { dropDraft, keepDraft, readDraft } from './note-drafts';
import { noteStore } from './note-store';
import { baseAfterSave, draftOf, editorAfterSave, saveNoteFields } from './note-save';
import { report, reportError } from './status-store';
import { show } from './workspace-store';

const SAVE_DELAY_MS = 500;
let saveTimer: ReturnType<typeof setTimeout> | undefined;
/** The save in flight, so a flush waits for it rather than racing it. */
let saving: Promise<void> = Promise.resolve();

/** Opens note `id` in the editor, restoring typing a reload interrupted. */
export async function openNote(id: string): Promise<void> {
  await flushNote();
  show('note');
  if (noteStore.getState().note?.id === id) return;
  noteStore.setState({ opening: id });
  const answer = await notebook.getNote({ id });
  if (noteStore.getState().opening !== id) return;
  if (!answer.ok) {
    noteStore.setState({ opening: null });
    return reportError(answer.error);
  }
  const draft = readDraft(id);
  const stored = answer.value;
  const restored = draft !== null && (draft.title !== stored.title || draft.body !== stored.body);
  // Typing restored after a reload is based on the version it started from, which another
  // window may have changed since: its save is then merged with that change, not written over it.
  const base = restored && draft.base && (draft.base.rev ?? undefined) !== stored.rev ? { ...stored, title: draft.base.title, body: draft.base.body, rev: draft.base.rev ?? undefined, revs: [] } : stored;
  noteStore.setState({ note: restored ? { ...stored, title: draft.title, body: draft.body } : stored, base, opening: null, save: restored ? 'unsaved' : 'saved' });
  if (restored) {
    report('Restored typing that had not been saved yet.');
    scheduleSave();
  } else if (draft) dropDraft(id);
}

export function closeNote(): void {
  void flushNote();
  noteStore.setState({ note: null, base: null, opening: null, save: 'saved' });
  show('article');
}

/** The editor's text changed: keep a draft at once, save shortly. */
export function editNote(change: { title?: string; body?: string }): void {
  const state = noteStore.getState();
  const { note } = state;
  if (!note) return;
  // A note opened without a base (none is, but a store set by hand) is based on what it showed.
  const base = state.base ?? note;
  const next = { ...note, ...change };
  noteStore.setState({ note: next, base, save: 'unsaved' });
  keepDraft(note.id, draftOf(next, base));
  scheduleSave();
}

function scheduleSave(): void {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => void flushNote(), SAVE_DELAY_MS);
}

/** Saves the open note now if it has unsaved typing; resolves when it is on disk (or failed). */
export function flushNote(): Promise<void> {
  clearTimeout(saveTimer);
  saving = saving.then(saveNow);
  return saving;
}

/** Whether the open note has typing not yet saved. */
function unsaved(): boolean {
  const { note, base, save } = noteStore.getState();
  return note !== null && base !== null && save !== 'saved';
}

async function saveNow(): Promise<void> {
  // Every change of view flushes: with nothing to save, nothing is loaded.
  if (!unsaved()) return;
  // The schemas are not in the window's startup bundle (see lazy-named.ts). The note is read
  // once they are in, so what is saved is what is there then.
  const { noteTitleSchema } = await import('../../src-main/common/research-schema');
  const { note, base, save } = noteStore.getState();
  if (!note || !base || save === 'saved') return;
  // An empty title is not saved (a note needs one); the body still is.
  const titleOk = noteTitleSchema.safeParse(note.title).success;
  noteStore.setState({ save: 'saving' });
  const answer = await saveNoteFields(base, { body: note.body, ...(titleOk ? { title: note.title } : {}) });
  const now = noteStore.getState();
  const open = now.note?.id === note.id ? now.note : null;
  if (!answer.ok) {
    if (open) noteStore.setState({ save: 'failed' });
    return reportError(answer.error);
  }
  const saved = answer.value;
  if (!open) {
    if (saved.body === note.body && (!titleOk || saved.title === note.title)) dropDraft(note.id);
    return;
  }
  const text = editorAfterSave(open, note, saved, titleOk);
  const nextBase = baseAfterSave(open, saved);
  const clean = text.title === saved.title && text.body === saved.body;
  noteStore.setState({ note: { ...nextBase, ...text }, base: nextBase, save: clean ? 'saved' : 'unsaved' });
  if (clean) dropDraft(note.id);
  else keepDraft(note.id, draftOf(text, nextBase));
}

/** The title a new note starts with: what it is about, short enough for the library list. */
export function noteTitleAbout(subject: string): string {
  return `On “${shortenQuote(subject, 60)}”`;
}

/** The selection toolbar's Note: highlights the passage and starts a note linked to it. */
export async function noteSelection(): Promise<void> {
  const created = await highlightForUse();
  if (!created) return;
  await createNote(noteTitleAbout(created.target.quote.exact), { target: { annotationId: created.id }, relation: 'context' });
}

/** Creates a note and opens it; linked to `target` with `relation` when given. */
export async function createNote(title: string, link?: { target: LinkTarget; relation: Relation }): Promise<void> {
  const created = await notebook.createNote({ title });
  if (!created.ok) return reportError(created.error);
  if (link) {
    const linked = await notebook.linkNote({ noteId: created.value.id, ...link });
    if (!linked.ok) reportError(linked.error);
  }
  await openNote(created.value.id);
}

export async function linkOpenNote(target: LinkTarget, relation: Relation): Promise<void> {
  const note = noteStore.getState().note;
  if (!note) return;
  const answer = await notebook.linkNote({ noteId: note.id, target, relation });
  if (!answer.ok) return reportError(answer.error);
}

export async function unlinkOpenNote(target: LinkTarget): Promise<void> {
  const note = noteStore.getState().note;
  if (!note) return;
  const answer = await notebook.unlinkNote({ noteId: note.id, target });
  if (!answer.ok) return reportError(answer.error);
  report('Removed the link. Undo brings it back.');
}

/** Saves the open note's tags, after any typing and on the same queue as it (so each save is based on the one before). */
export function tagOpenNote(tags: string[]): Promise<void> {
  clearTimeout(saveTimer);
  saving = saving.then(saveNow).then(() => saveTags(tags));
  return saving;
}

async function saveTags(tags: string[]): Promise<void> {
  const { note, base } = noteStore.getState();
  if (!note || !base) return;
  const answer = await saveNoteFields(base, { tags });
  if (!answer.ok) return reportError(answer.error);
  const saved = answer.value;
  noteStore.setState(({ note: open }) => (open?.id === note.id ? { note: { ...open, tags: saved.tags }, base: baseAfterSave(open, saved) } : {}));
}

export async function deleteOpenNote(): Promise<void> {
  const note = noteStore.getState().note;
  if (!note) return;
  clearTimeout(saveTimer);
  const answer = await notebook.deleteNote({ id: note.id });
  if (!answer.ok) return reportError(answer.error);
  dropDraft(note.id);
  noteStore.setState({ note: null, base: null, save: 'saved' });
  show('article');
  report(`Deleted the note “${note.title}”. Undo brings it back.`);
}
