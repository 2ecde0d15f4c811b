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
 * Fetches the open note again: its links name claims and passages that may have changed, and
 * another window (or an undo) may have changed its text. Without unsaved typing the editor
 * shows the saved note; with some, the typing stays the person's and the editor stays based on
 * the version it started from, so its save is merged with the change (see note-save).
 */
export async function reloadOpenNote(): Promise<void> {
  const open = noteStore.getState().note;
  if (!open) return;
  const answer = await notebook.getNote({ id: open.id });
  const { note: still, base, save } = noteStore.getState();
  if (still?.id !== open.id) return;
  if (!answer.ok) {
    noteStore.setState({ note: null, base: null });
    return;
  }
  const fresh = answer.value;
  // An answer that left before this window's own save landed is no newer than the base.
  const stale = base !== null && fresh.rev !== undefined && (fresh.rev === base.rev || (base.revs ?? []).includes(fresh.rev));
  const untouched = save === 'saved' && base !== null && still.title === base.title && still.body === base.body;
  if (stale) noteStore.setState({ note: { ...still, links: fresh.links }, base: { ...base, links: fresh.links } });
  else if (untouched || !base) noteStore.setState({ note: fresh, base: fresh });
  else noteStore.setState({ note: { ...fresh, title: still.title, body: still.body }, base: { ...base, tags: fresh.tags, links: fresh.links } });
}
