/**
 * Says that files of the notebook were set aside — this session's and earlier ones' until they
 * are restored or put away — and opens the Damaged files dialog that lists them.
 */
import { FileWarning, X } from 'lucide-react';
import { dismissDamagedNotice, showDamagedFiles } from '../../state/status-store';
import { useNotebookStatus } from '../../state/useNotebookStatus';
import { damagedCount, damagedSubject } from './damaged-words';

/** What a backup can bring back, after the count. */
function restorableWords(restorable: number, of: number): string {
  if (restorable === 0) return of === 1 ? 'The damaged file is kept; nothing was deleted.' : 'The damaged files are kept; nothing was deleted.';
  if (restorable === of) return of === 1 ? 'It can be restored from a backup.' : 'Each can be restored from a backup.';
  return `${restorable} can be restored from a backup.`;
}

export function DamagedFilesNotice() {
  const { notebook, damagedDismissed } = useNotebookStatus();
  const files = notebook?.damagedFiles ?? [];
  if (damagedDismissed || files.length === 0) return null;
  const restorable = files.filter((entry) => entry.backup).length;
  return (
    <div className="banner banner-warning" role="alert" aria-label="Damaged files">
      <FileWarning className="banner-icon" aria-hidden="true" size={18} />
      <p className="banner-text">
        {damagedCount(files.length)}
        {files.length === 1 ? `: ${damagedSubject(files[0]!, { inSentence: true })}.` : '.'} {restorableWords(restorable, files.length)}
      </p>
      <button type="button" className="button banner-action" onClick={() => showDamagedFiles(true)}>
        Show damaged files
      </button>
      <button type="button" className="button button-icon" aria-label="Dismiss notice" onClick={dismissDamagedNotice}>
        <X aria-hidden="true" size={16} />
      </button>
    </div>
  );
}
