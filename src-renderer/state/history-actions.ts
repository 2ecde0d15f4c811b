/**
 * Undo and redo. History lives in the main process and one step can touch any record (a tag
 * rename, a delete that detached links); what it changed arrives through the change feed like
 * any other change (see apply-change), the open note's text included.
 */
import { notebook } from '../notebook-client';
import { report, reportError } from './status-store';

export async function undo(): Promise<void> {
  const answer = await notebook.undo({});
  if (!answer.ok) return reportError(answer.error);
  report(answer.value ? `Undid: ${answer.value.label}` : 'Nothing to undo.');
}

export async function redo(): Promise<void> {
  const answer = await notebook.redo({});
  if (!answer.ok) return reportError(answer.error);
  report(answer.value ? `Redid: ${answer.value.label}` : 'Nothing to redo.');
}
