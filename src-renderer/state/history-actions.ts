/**
 * Undo and redo. History lives in the main process and one step can touch any record (a tag
 * rename, a delete that detached links), so after each step everything shown is fetched again,
 * the open note's text included: the step may have been an edit of it.
 */
import { notebook } from '../notebook-client';
import { loadLegend } from './annotation-actions';
import { refreshLibrary } from './library-view-actions';
import { refreshResearch } from './research-refresh';
import { report, reportError } from './status-store';

async function reloadAll(): Promise<void> {
  await Promise.all([refreshResearch({ annotations: true, noteText: true }), loadLegend(), refreshLibrary()]);
}

export async function undo(): Promise<void> {
  const answer = await notebook.undo({});
  if (!answer.ok) return reportError(answer.error);
  report(answer.value ? `Undid: ${answer.value.label}` : 'Nothing to undo.');
  await reloadAll();
}

export async function redo(): Promise<void> {
  const answer = await notebook.redo({});
  if (!answer.ok) return reportError(answer.error);
  report(answer.value ? `Redid: ${answer.value.label}` : 'Nothing to redo.');
  await reloadAll();
}
