/**
 * A new user name and token for the shared notebook's remote (after the remote refused the kept
 * ones, or when a token expired): kept outside the notebook, then a sync runs with them.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { DialogFormFooter } from '../../components/DialogFormFooter';
import { useDialogAction } from '../../components/useDialogAction';
import { replaceCredentials } from '../../state/sync-actions';
import { closeSyncDialog, useSync } from '../../state/sync-store';
import { SyncField } from './SyncField';

export function CredentialsDialog() {
  const { status } = useSync();
  const [username, setUsername] = useState('');
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const { error, busy, run } = useDialogAction(closeSyncDialog);
  const first = useRef<HTMLInputElement>(null);
  const tokenField = useRef<HTMLInputElement>(null);
  const id = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (token.trim() === '') {
      setProblem('Enter the token (a personal access token with read and write access to the repository).');
      tokenField.current?.focus();
      return;
    }
    const name = username.trim();
    void run(() => replaceCredentials({ token: token.trim(), ...(name ? { username: name } : {}) }));
  }

  return (
    <Dialog title="New token for the remote" onClose={closeSyncDialog} initialFocus={first} className="share-dialog">
      <form onSubmit={submit} noValidate aria-busy={busy || undefined}>
        <p className="share-help">
          For <span className="share-remote">{status?.remote ?? 'the remote'}</span>. Kept on this computer, outside the notebook; Marginalia syncs with it at once.
        </p>
        <SyncField ref={first} id={`${id}-user`} label="User name" value={username} onChange={setUsername} autoComplete="username" />
        <SyncField
          ref={tokenField}
          id={`${id}-token`}
          label="Token"
          type="password"
          value={token}
          onChange={(value) => {
            setToken(value);
            setProblem(undefined);
          }}
          problem={problem}
          autoComplete="current-password"
        />
        <DialogFormFooter error={error} busy={busy} submit="Save and sync" onCancel={closeSyncDialog} />
      </form>
    </Dialog>
  );
}
