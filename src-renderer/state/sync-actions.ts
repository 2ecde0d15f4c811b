/**
 * Sharing and syncing from the window. The main side does the work (commit, fetch, merge record
 * by record, push) and keeps where it stands; the window asks for that state when it starts,
 * after every change the feed brings (the count of changes to send moves), after each sync,
 * and every half minute while it is visible (the main side also syncs by itself every few
 * minutes, and an offline remote comes back). Records a sync brings in reach the window through
 * the change feed like any other change.
 */
import type { ApiArg, ApiResponse } from '../../src-main/common/api';
import type { SyncResult } from '../../src-main/common/sync-schema';
import { notebook } from '../notebook-client';
import { notebookFeed } from '../notebook-feed';
import { report } from './status-store';
import { closeSyncDialog, syncStore } from './sync-store';

/** How often a visible window asks again by itself. */
const REFRESH_MS = 30_000;

let loading: Promise<void> | null = null;
let askAgain = false;

/**
 * Asks the main side where the sync stands. One question at a time: asked while one is on its
 * way, it asks once more when that answer comes (a burst of changes makes two calls, not fifty).
 */
export function loadSyncStatus(): Promise<void> {
  if (loading) {
    askAgain = true;
    return loading;
  }
  loading = (async () => {
    do {
      askAgain = false;
      const answer = await notebook.getSyncStatus({});
      // A failed read leaves the last state shown: the call that matters (Sync) reports its own failure.
      if (answer.ok) syncStore.setState({ status: answer.value });
    } while (askAgain);
  })().finally(() => {
    loading = null;
  });
  return loading;
}

/** "sent 3 changes, received 5" → "Synced: sent 3 changes, received 5." */
const outcomeOf = (verb: string, result: SyncResult) => `${verb}: ${result.said}.`;

/** Syncs now (the Sync button, the menu's Sync now), one at a time; the status line says how it went. */
export async function syncNow(): Promise<void> {
  if (syncStore.getState().running) return;
  syncStore.setState({ running: true });
  const answer = await notebook.syncNotebook({});
  syncStore.setState({ running: false });
  report(answer.ok ? outcomeOf('Synced', answer.value) : answer.error.message, answer.ok ? 'info' : 'error');
  await loadSyncStatus();
}

export type ShareArgs = ApiArg<'shareNotebook'>;

/** Shares the notebook through `args.remote` (or joins the notebook already there); the dialog shows a failure. */
export async function shareNotebook(args: ShareArgs): Promise<ApiResponse<SyncResult>> {
  syncStore.setState({ running: true });
  const answer = await notebook.shareNotebook(args);
  syncStore.setState({ running: false });
  if (answer.ok) {
    syncStore.setState({ justShared: true });
    closeSyncDialog();
    report(outcomeOf('Shared', answer.value));
  } else if (syncStore.getState().dialog !== 'share') {
    // The dialog was closed while it ran: the failure has nowhere else to be shown.
    report(answer.error.message, 'error');
  }
  await loadSyncStatus();
  return answer;
}

/** Keeps a new user name and token for the remote, then syncs with them; the dialog shows a failure. */
export async function replaceCredentials(args: ApiArg<'setSyncCredentials'>): Promise<ApiResponse<null>> {
  const answer = await notebook.setSyncCredentials(args);
  if (answer.ok) {
    closeSyncDialog();
    void syncNow();
  }
  return answer;
}

/**
 * Keeps the shown state current while the window is open: at once, after each change on the
 * feed, every half minute while the window is visible, and when it becomes visible again.
 * Answers a function that stops.
 */
export function watchSyncStatus(): () => void {
  const refresh = () => void loadSyncStatus();
  const whenVisible = () => {
    if (document.visibilityState === 'visible') refresh();
  };
  refresh();
  const stopFeed = notebookFeed.subscribe(refresh);
  const timer = setInterval(whenVisible, REFRESH_MS);
  document.addEventListener('visibilitychange', whenVisible);
  return () => {
    stopFeed();
    clearInterval(timer);
    document.removeEventListener('visibilitychange', whenVisible);
  };
}
