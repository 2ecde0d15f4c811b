/**
 * What the Damaged files dialog asks of the main side. The list follows through the change feed
 * (a restore or a removal sends it), so these only report how the call went.
 */
import type { DamagedFile } from '../../src-main/common/model';
import { notebook } from '../notebook-client';
import { report } from './status-store';

/** Restores the entry's record from its backup copy; answers the error's words, or null. */
export async function restoreDamagedFile(entry: DamagedFile): Promise<string | null> {
  const answer = await notebook.restoreDamagedFile({ id: entry.id });
  if (!answer.ok) return answer.error.message;
  report(`${answer.value.label.replace(/^Restore/, 'Restored')}. Undo takes it back.`);
  return null;
}

/** Takes the entry off the list (its damaged file stays in the quarantine folder); answers the error's words, or null. */
export async function dismissDamagedFile(entry: DamagedFile): Promise<string | null> {
  const answer = await notebook.dismissDamagedFile({ id: entry.id });
  return answer.ok ? null : answer.error.message;
}
