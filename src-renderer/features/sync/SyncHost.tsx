/**
 * What the sync feature keeps for the whole window: the state kept current (see
 * `watchSyncStatus`), and its dialogs — Share through git…, a new token, and a record's History —
 * shown once, opened from the library's Sync control, the app menu, or a card's History button.
 */
import { Suspense, useEffect } from 'react';
import { lazyNamed } from '../../components/lazy-named';
import { watchSyncStatus } from '../../state/sync-actions';
import { useSync } from '../../state/sync-store';
import { RecordHistoryDialog } from './RecordHistoryDialog';
import './sync.css';

const ShareDialog = lazyNamed(() => import('./ShareDialog'), 'ShareDialog');
const CredentialsDialog = lazyNamed(() => import('./CredentialsDialog'), 'CredentialsDialog');

export function SyncHost() {
  const { dialog } = useSync();
  useEffect(() => watchSyncStatus(), []);
  return (
    <>
      <Suspense fallback={null}>
        {dialog === 'share' ? <ShareDialog /> : null}
        {dialog === 'credentials' ? <CredentialsDialog /> : null}
      </Suspense>
      <RecordHistoryDialog />
    </>
  );
}
