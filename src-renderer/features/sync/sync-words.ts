/**
 * Where a shared notebook's sync stands, in the words the sync control shows, and the remote's
 * address in the few words a narrow pane has room for.
 */
import { counted } from '../../../src-main/common/counted';
import type { SyncState, SyncStatus } from '../../../src-main/common/sync-schema';

/** The state to show: this window's own sync is running whatever the last answer said. */
export function shownState(status: SyncStatus, running: boolean): SyncState {
  return running ? 'syncing' : (status.state ?? 'changes-to-send');
}

/** "Up to date", "3 changes to send", "Syncing…", "Offline", "Sync failed". */
export function stateWords(state: SyncState, pending: number): string {
  switch (state) {
    case 'up-to-date':
      return 'Up to date';
    case 'changes-to-send':
      return pending > 0 ? `${counted(pending, 'change')} to send` : 'Not synced yet';
    case 'syncing':
      return 'Syncing…';
    case 'offline':
      return 'Offline';
    case 'error':
      return 'Sync failed';
  }
}

/**
 * The remote without its scheme and `.git`: `https://github.com/team/notebook.git` →
 * `github.com/team/notebook`. The full address stays in the element's title.
 */
export function shortRemote(remote: string): string {
  return remote.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\.git\/?$/i, '').replace(/\/$/, '');
}

/** The remote refused the user name or token: a new one may fix it. */
export function isCredentialProblem(status: Pick<SyncStatus, 'problem'>): boolean {
  return status.problem === 'credentials';
}
