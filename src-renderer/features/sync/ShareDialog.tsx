/**
 * "Share through git…": the remote's address, the user name and token it asks for, and the name
 * that signs your changes. An empty remote receives this notebook; the address of a colleague's
 * shared notebook joins it (the two are merged record by record). Each field's problem shows
 * beside it; what the remote answered (offline, a refused token, no such repository) shows by
 * the button. It stays open, busy, while the first sync runs, and closes when it is done.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { DialogFormFooter } from '../../components/DialogFormFooter';
import { useDialogAction } from '../../components/useDialogAction';
import { shareNotebook } from '../../state/sync-actions';
import { closeSyncDialog, useSync } from '../../state/sync-store';
import { shareArgsOf, shareFormProblems, type ShareField, type ShareForm, type ShareProblems } from './share-form';
import { SyncField } from './SyncField';

export function ShareDialog() {
  const { status } = useSync();
  const [form, setForm] = useState<ShareForm>(() => ({
    remote: status?.remote ?? '',
    username: '',
    token: '',
    authorName: status?.author?.name ?? '',
    authorEmail: status?.author?.email ?? '',
  }));
  const [problems, setProblems] = useState<ShareProblems>({});
  const { error, busy, run } = useDialogAction(closeSyncDialog);
  const first = useRef<HTMLInputElement>(null);
  const id = useId();
  // Shared and synced at least once: the dialog then changes the token or the name that signs changes.
  const synced = status?.shared === true && status.lastSyncAt !== undefined;

  const field = (name: ShareField) => ({
    id: `${id}-${name}`,
    value: form[name],
    problem: problems[name],
    onChange: (value: string) => {
      setForm((was) => ({ ...was, [name]: value }));
      if (problems[name]) setProblems((was) => ({ ...was, [name]: undefined }));
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = shareFormProblems(form);
    setProblems(found);
    const wrong = (Object.keys(found) as ShareField[])[0];
    if (wrong) {
      document.getElementById(`${id}-${wrong}`)?.focus();
      return;
    }
    void run(() => shareNotebook(shareArgsOf(form)));
  }

  return (
    <Dialog title="Share through git" onClose={closeSyncDialog} initialFocus={first} className="share-dialog">
      <form onSubmit={submit} noValidate aria-busy={busy || undefined}>
        <p className="share-help">
          Create an empty repository on GitHub, GitLab or your server and paste its https address. To join a colleague’s shared notebook, paste the address of theirs.
        </p>
        <SyncField
          ref={first}
          label="Remote address"
          {...field('remote')}
          inputMode="url"
          placeholder="https://github.com/team/notebook.git"
          hint={synced ? 'This notebook is shared through this remote.' : undefined}
        />
        <div className="share-access">
          <SyncField label="User name" {...field('username')} autoComplete="username" />
          <SyncField label="Token" type="password" {...field('token')} autoComplete="current-password" />
        </div>
        <p className="field-hint share-access-hint">
          A personal access token with read and write access to the repository; leave both empty for a remote that needs none, or to keep the token saved before. Kept on this computer, outside the notebook, never sent anywhere else.
        </p>
        <div className="share-author">
          <SyncField label="Your name" {...field('authorName')} autoComplete="name" hint="Signs your changes in the shared history." />
          <SyncField label="E-mail (optional)" type="email" {...field('authorEmail')} autoComplete="email" />
        </div>
        <p className="share-busy" role="status">
          {busy ? 'Syncing with the remote… A large notebook takes a while the first time.' : null}
        </p>
        <DialogFormFooter error={error} busy={busy} submit={busy ? 'Sharing…' : synced ? 'Save and sync' : 'Share'} onCancel={closeSyncDialog} />
      </form>
    </Dialog>
  );
}
