/** Claims as a whole: deleting one, and taking a passage out of its evidence (each one undo step). */
import { notebook } from '../notebook-client';
import { report, reportError } from './status-store';

export async function deleteClaim(id: string): Promise<void> {
  const answer = await notebook.deleteClaim({ id });
  if (!answer.ok) return reportError(answer.error);
  report('Deleted the claim; its passages stay highlighted. Undo brings it back.');
}

export async function removeEvidence(claimId: string, annotationId: string): Promise<void> {
  const answer = await notebook.removeEvidence({ claimId, annotationId });
  if (!answer.ok) return reportError(answer.error);
  report('Removed the passage from the claim’s evidence. Undo puts it back.');
}
