/**
 * A notebook shared through a git remote, as the window shows it: where its sync stands (as the
 * main side last said), whether this window is syncing, and which sync dialog is open. The sync
 * feature shows it; cards and the note editor read `useShared` to offer History. How a sync went
 * is said in the status line, like every other outcome.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { SyncStatus } from '../../src-main/common/sync-schema';

/** Which sync dialog is open: sharing (also joining), or a new token for the remote. */
export type SyncDialog = 'share' | 'credentials' | null;

export interface SyncStoreState {
  /** Null until the main side has answered once. */
  status: SyncStatus | null;
  /** A sync (or a share) this window started is running. */
  running: boolean;
  dialog: SyncDialog;
  /**
   * The notebook was just shared from this window: the Sync control, which takes the place of
   * the button that opened the dialog, takes the focus that button had.
   */
  justShared: boolean;
}

export const initialSyncState: SyncStoreState = { status: null, running: false, dialog: null, justShared: false };

export const syncStore = createStore<SyncStoreState>(() => initialSyncState);

export function openSyncDialog(dialog: Exclude<SyncDialog, null>): void {
  syncStore.setState({ dialog });
}

export function closeSyncDialog(): void {
  syncStore.setState({ dialog: null });
}

export const useSync = (): SyncStoreState => useStore(syncStore);

/** Whether the notebook is shared (so its records have a history to show). */
export const useShared = (): boolean => useStore(syncStore, (state) => state.status?.shared === true);
