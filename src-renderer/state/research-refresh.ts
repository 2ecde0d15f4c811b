/**
 * Fetching again what a change to claims, notes or tags may touch beyond its own records: the
 * tag counts, and the open note (whose links name claims and passages). See apply-change.
 */
import { notebook } from '../notebook-client';
import { researchStore } from './research-store';
import { noteStore } from './note-store';
import { reportError } from './status-store';

export async function loadTags(): Promise<void> {
  const answer = await notebook.listTags({});
  if (!answer.ok) return reportError(answer.error);
  researchStore.setState({ tags: answer.value });
}

/**
 * Fetches the open note again: its links name claims and passages that may have changed. The
 * text being typed stays the person's, unless `text` asks for the saved text (after undo/redo).
 */
export async function reloadOpenNote({ text = false } = {}): Promise<void> {
  const open = noteStore.getState().note;
  if (!open) return;
  const answer = await notebook.getNote({ id: open.id });
  const still = noteStore.getState().note;
  if (still?.id !== open.id) return;
  if (!answer.ok) {
    noteStore.setState({ note: null });
    return;
  }
  noteStore.setState({ note: text ? answer.value : { ...answer.value, title: still.title, body: still.body } });
}
