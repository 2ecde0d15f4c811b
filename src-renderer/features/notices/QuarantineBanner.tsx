/**
 * Tells the person, once, that files of their notebook could not be read and where they were
 * moved, so nothing disappears silently: those not on the damaged files list (conflict copies a
 * sync service made that could not be merged), which DamagedFilesNotice does not show.
 */
import { Fragment } from 'react';
import { TriangleAlert, X } from 'lucide-react';
import { dismissQuarantineNotice } from '../../state/status-store';
import { useNotebookStatus } from '../../state/useNotebookStatus';

export function QuarantineBanner() {
  const { notebook, quarantineDismissed } = useNotebookStatus();
  const listed = new Set(notebook?.damagedFiles.map((entry) => entry.file));
  const files = (notebook?.quarantined ?? []).filter((file) => !listed.has(file.file));
  if (quarantineDismissed || files.length === 0) return null;
  return (
    <div className="banner banner-warning" role="alert">
      <TriangleAlert className="banner-icon" aria-hidden="true" size={18} />
      {/* One sentence in one element, so it reads (and matches) as written. */}
      <p className="banner-text">
        Some files of your notebook could not be read and were set aside:{' '}
        {files.map((file, index) => (
          <Fragment key={index}>
            {index > 0 ? '; ' : null}
            <code>{file.file}</code> — {file.reason} (moved to <code>{file.movedTo}</code>)
          </Fragment>
        ))}
      </p>
      <button type="button" className="button button-icon" aria-label="Dismiss notice" onClick={dismissQuarantineNotice}>
        <X aria-hidden="true" size={16} />
      </button>
    </div>
  );
}
