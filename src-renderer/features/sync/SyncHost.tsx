/**
 * What the sync feature keeps for the whole window: the state kept current (see
 * `watchSyncStatus`), and its dialogs — Share through git…, a new token, and a record's History —
 * shown once, opened from the library's Sync control, the app menu, or a card's History button.
 */
import { useEffect } from 'react';
import { watchSyncStatus } from '../../state/sync-actions';
import { useSync } from '../../state/sync-store';
import { CredentialsDialog } from './CredentialsDialog';
import { RecordHistoryDialog } from './RecordHistoryDialog';
import { ShareDialog } from './ShareDialog';
import './sync.css';

export function SyncHost() {
  const { dialog } = useSync();
  useEffect(() => watchSyncStatus(), []);
  return (
    <>
      {dialog === 'share' ? <ShareDialog /> : null}
      {dialog === 'credentials' ? <CredentialsDialog /> : null}
      <RecordHistoryDialog />
    </>
  );
}
