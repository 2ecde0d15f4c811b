/**
 * Says that files of the notebook were set aside — this session's and earlier ones' until they
 * are restored or put away — and opens the Damaged files dialog that lists them.
 */
import { FileWarning, X } from 'lucide-react';
import { dismissDamagedNotice, showDamagedFiles } from '../../state/status-store';
import { useNotebookStatus } from '../../state/useNotebookStatus';
import { damagedCount, damagedSubject } from './damaged-words';

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
        {files.length === 1 ? `: ${damagedSubject(files[0]!)}.` : '.'} {restorable > 0 ? (restorable === files.length ? 'A backup holds a good copy.' : `A backup holds a good copy of ${restorable}.`) : 'The damaged file is kept; nothing was deleted.'}
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
