/**
 * The Damaged files dialog: every file set aside — what it held, why, when, where the damaged
 * file is kept — with "Restore from backup" where a backup holds a good copy (one undo step; the
 * record comes back through the feed) and "Remove from list" (the damaged file stays where it is).
 */
import { useRef, useState } from 'react';
import type { DamagedFile } from '../../../src-main/common/model';
import { Dialog } from '../../components/Dialog';
import { DialogError } from '../../components/DialogError';
import { dismissDamagedFile, restoreDamagedFile } from '../../state/damaged-files-actions';
import { showDamagedFiles } from '../../state/status-store';
import { useNotebookStatus } from '../../state/useNotebookStatus';
import { damagedSubject, setAsideWhen } from './damaged-words';
import './damaged-files.css';

export function DamagedFilesDialog() {
  const { notebook, damagedOpen } = useNotebookStatus();
  return damagedOpen ? <DamagedFiles files={notebook?.damagedFiles ?? []} /> : null;
}

function DamagedFiles({ files }: { files: DamagedFile[] }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const close = () => showDamagedFiles(false);

  const act = async (entry: DamagedFile, action: (entry: DamagedFile) => Promise<string | null>) => {
    if (busy) return;
    setBusy(entry.id);
    setError(null);
    const failure = await action(entry);
    setBusy(null);
    setError(failure);
  };

  return (
    <Dialog title="Damaged files" onClose={close} initialFocus={closeButton} className="dialog-wide damaged-files">
      {files.length === 0 ? (
        <p className="dialog-note">No file is set aside now.</p>
      ) : (
        <>
          <p className="dialog-note">Marginalia could not read these files, so it set them aside and opened the rest of the notebook. Nothing was deleted: each damaged file is kept.</p>
          <ul className="dialog-list" aria-label="Files set aside">
            {files.map((entry) => (
              <li key={entry.id} className="damaged-entry" aria-label={damagedSubject(entry)}>
                <p className="damaged-subject">{damagedSubject(entry)}</p>
                <p className="damaged-reason">Could not be read: {entry.reason}</p>
                <p className="damaged-where">Set aside {setAsideWhen(entry.at)}.</p>
                <dl className="damaged-paths">
                  <dt>{entry.movedTo ? 'Damaged file kept at' : 'Left unchanged at'}</dt>
                  <dd>
                    <code>{entry.movedTo ?? entry.file}</code>
                  </dd>
                  {entry.backup ? (
                    <>
                      <dt>Good copy</dt>
                      <dd>
                        <code>{entry.backup}</code>
                      </dd>
                      {entry.backupFrom ? (
                        <>
                          <dt>Taken from</dt>
                          <dd>
                            {entry.backupFrom}
                            {entry.backupAt ? `, as saved ${setAsideWhen(entry.backupAt)}` : ''}
                          </dd>
                        </>
                      ) : null}
                    </>
                  ) : entry.record ? (
                    <>
                      <dt>Good copy</dt>
                      <dd>No backup, undo history or shared commit holds one.</dd>
                    </>
                  ) : null}
                </dl>
                <div className="damaged-actions">
                  {entry.backup ? (
                    <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => void act(entry, restoreDamagedFile)}>
                      {busy === entry.id ? 'Restoring…' : 'Restore from backup'}
                    </button>
                  ) : null}
                  <button type="button" className="button" disabled={busy !== null} onClick={() => void act(entry, dismissDamagedFile)}>
                    Remove from list
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <DialogError error={error} />
      <div className="dialog-actions">
        <button ref={closeButton} type="button" className="button" onClick={close}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
