/**
 * A person's choice about a version in a record's conflict history: use it (the record takes
 * its content; Undo brings back the one it replaced) or dismiss it. The record itself changes
 * through the change feed, like any edit (apply-change).
 */
import type { ApiArg } from '../../src-main/common/api';
import { notebook } from '../notebook-client';
import { report, reportError } from './status-store';

export type ConflictChoice = ApiArg<'resolveConflict'>;

/** Answers whether the choice was made; a failure is shown in the status line. */
export async function resolveConflict(choice: ConflictChoice, subject: string): Promise<boolean> {
  const answer = await notebook.resolveConflict(choice);
  if (!answer.ok) {
    reportError(answer.error);
    return false;
  }
  report(choice.choice === 'use' ? `Now using the other version of ${subject}. Undo brings back the one it replaced.` : `Dismissed the other version of ${subject}.`);
  return true;
}
