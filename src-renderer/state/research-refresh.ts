/**
 * After a change to claims, notes or tags, everything that shows them is fetched again: one
 * change can touch many records (a tag rename, a delete that detaches links), and the main
 * side is the one place that knows the result.
 */
import { notebook } from '../notebook-client';
import { loadAnnotations, loadClaims, loadHistory, loadNotes } from './annotation-actions';
import { annotationStore } from './annotation-store';
import { noteStore } from './note-store';
import { reportError } from './status-store';

export async function loadTags(): Promise<void> {
  const answer = await notebook.listTags({});
  if (!answer.ok) return reportError(answer.error);
  annotationStore.setState({ tags: answer.value });
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

/**
 * Fetches again everything a research change may touch. `annotations` also reloads the open
 * article's highlights; `noteText` replaces the open note's text with the saved one (after
 * undo/redo, which may have edited it).
 */
export async function refreshResearch({ annotations = false, noteText = false } = {}): Promise<void> {
  const { articleId } = annotationStore.getState();
  await Promise.all([
    annotations && articleId !== null ? loadAnnotations(articleId) : undefined,
    loadNotes(),
    loadClaims(),
    loadTags(),
    loadHistory(),
    reloadOpenNote({ text: noteText }),
  ]);
}
