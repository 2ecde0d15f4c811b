/**
 * A write the disk refused, in words a person can act on: a full disk or a folder that may not
 * be written is something they can fix, and the message says so before it says what failed.
 * Every write is atomic (see atomic-file.ts), so what was saved before is always unchanged.
 */
import { NotebookError } from '../common/errors';

/** What the person can do, by the error the file system gave. */
const CAUSES: Record<string, string> = {
  ENOSPC: 'The disk is full: free some space, then try again.',
  EDQUOT: 'Your disk quota is used up: free some space, then try again.',
  EROFS: 'The notebook folder is on a disk that is read-only: Marginalia can show it but not save to it.',
  EACCES: 'Marginalia may not write to the notebook folder (permission denied): check its permissions.',
  EPERM: 'Marginalia may not write to the notebook folder (operation not permitted): check its permissions.',
};

/** The sentence for a refused write; undefined for an error that is not one. */
export function writeRefusal(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ? CAUSES[code] : undefined;
}

/** The error a failed save answers: `what` is what was being saved ("the claim", "“Title”"). */
export function saveFailed(what: string, error: unknown): NotebookError {
  if (error instanceof NotebookError) return error;
  const cause = writeRefusal(error);
  return new NotebookError(
    'storage',
    cause ? `${cause} Could not save ${what}; what was saved before is unchanged.` : `Could not save ${what}: ${(error as Error).message}. What was saved before is unchanged.`,
  );
}
