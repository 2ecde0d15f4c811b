/**
 * A record's History: its versions in the shared history, newest first — who synced each and
 * when, the commit's message, the version in a line — with the one the notebook holds now
 * marked "Current" and "Restore" on the others. Restoring is a new edit (one undo step); the
 * card or note changes through the feed and the dialog closes.
 */
import { useEffect, useRef, useState } from 'react';
import type { RecordVersion } from '../../../src-main/common/sync-schema';
import { versionDate } from '../../components/ConflictNotice';
import { Dialog } from '../../components/Dialog';
import { DialogError } from '../../components/DialogError';
import { closeRecordHistory, loadRecordVersions, restoreRecordVersion, useRecordHistoryRequest, type RecordHistoryRequest } from '../../state/record-history-store';

type Versions = { state: 'loading' } | { state: 'failed'; error: string } | { state: 'loaded'; versions: RecordVersion[] };

export function RecordHistoryDialog() {
  const request = useRecordHistoryRequest();
  // Keyed by the record, so another record's History starts afresh.
  return request ? <RecordHistory key={`${request.kind} ${request.id}`} request={request} /> : null;
}

function RecordHistory({ request }: { request: RecordHistoryRequest }) {
  const [versions, setVersions] = useState<Versions>({ state: 'loading' });
  const [restoring, setRestoring] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let current = true;
    void loadRecordVersions(request).then((answer) => {
      if (!current) return;
      setVersions(answer.ok ? { state: 'loaded', versions: answer.value } : { state: 'failed', error: answer.error.message });
    });
    return () => {
      current = false;
    };
  }, [request]);

  const restore = async (version: RecordVersion) => {
    if (restoring) return;
    setRestoring(version.commit);
    setError(null);
    const failure = await restoreRecordVersion(request, version, versionDate(version.at, true));
    if (failure === null) return;
    setRestoring(null);
    setError(failure);
  };

  let body;
  if (versions.state === 'loading') body = <p className="dialog-note">Reading the shared history…</p>;
  else if (versions.state === 'failed') body = <DialogError error={versions.error} />;
  else if (versions.versions.length === 0) body = <p className="dialog-note">No synced version yet: its history starts at the next sync.</p>;
  else
    body = (
      <>
        <p className="dialog-note">
          Each version as it was synced, newest first. Restoring one makes it the current version; Undo takes it back.
          {versions.versions.some((version) => version.current) ? null : ' The version here now has changes not synced yet.'}
        </p>
        <ol className="dialog-list" aria-label="Versions">
          {versions.versions.map((version) => (
            <VersionItem key={version.commit} version={version} busy={restoring === version.commit} onRestore={() => void restore(version)} />
          ))}
        </ol>
      </>
    );

  return (
    <Dialog title={`History of ${request.subject}`} onClose={closeRecordHistory} initialFocus={closeButton} className="dialog-wide record-history">
      {body}
      <DialogError error={error} />
      <div className="dialog-actions">
        <button ref={closeButton} type="button" className="button" onClick={closeRecordHistory}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function VersionItem({ version, busy, onRestore }: { version: RecordVersion; busy: boolean; onRestore: () => void }) {
  const when = versionDate(version.at, true);
  return (
    <li className="history-version" aria-current={version.current || undefined}>
      <div className="history-version-text">
        <p className="history-version-head">
          <span className="history-author">{version.author}</span>
          <span aria-hidden="true"> · </span>
          <time dateTime={version.at}>{when}</time>
          {version.current ? <span className="history-current">Current</span> : null}
        </p>
        <p className="history-summary">{version.summary}</p>
        <p className="history-message">{version.message}</p>
      </div>
      {version.current ? null : (
        <button type="button" className="button button-small" aria-disabled={busy || undefined} aria-label={`Restore the version of ${when} by ${version.author}`} onClick={onRestore}>
          {busy ? 'Restoring…' : 'Restore'}
        </button>
      )}
    </li>
  );
}
