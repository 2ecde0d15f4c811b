/**
 * The foot of the library pane, where notebook-wide sharing lives. Before the notebook is
 * shared: "Share through git…". Once it is: the Sync control — where the sync stands ("Up to
 * date", "3 changes to send", "Syncing…", "Offline", "Sync failed"), the Sync button, and the
 * remote's address (whole on hover). Offline or failed, the state opens the reason (a sync the
 * person started also says it in the status line), and a refused token can be replaced at once.
 * In the collapsed pane, one icon button does the same.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { ChevronDown, CircleAlert, CircleCheck, CloudOff, CloudUpload, KeyRound, RefreshCw, Share2 } from 'lucide-react';
import type { SyncState, SyncStatus } from '../../../src-main/common/sync-schema';
import { versionDate } from '../../components/ConflictNotice';
import { syncNow } from '../../state/sync-actions';
import { openSyncDialog, syncStore, useSync } from '../../state/sync-store';
import { isCredentialProblem, shortRemote, shownState, stateWords } from './sync-words';
import './sync.css';

const ICONS: Record<SyncState, typeof CircleCheck> = {
  'up-to-date': CircleCheck,
  'changes-to-send': CloudUpload,
  syncing: RefreshCw,
  offline: CloudOff,
  error: CircleAlert,
};

function StateIcon({ state, size = 16 }: { state: SyncState; size?: number }) {
  const Icon = ICONS[state];
  return <Icon aria-hidden="true" size={size} className={state === 'syncing' ? 'sync-spin' : undefined} />;
}

export function SyncPanel({ compact = false }: { compact?: boolean }) {
  const { status, running } = useSync();
  if (!status) return null;
  if (!status.shared) {
    return (
      <div className="sync-panel" data-compact={compact || undefined}>
        <button type="button" className={compact ? 'button button-icon' : 'button button-quiet sync-share'} title={compact ? 'Share through git…' : undefined} onClick={() => openSyncDialog('share')}>
          <Share2 aria-hidden="true" size={compact ? 18 : 16} />
          {compact ? <span className="visually-hidden">Share through git…</span> : 'Share through git…'}
        </button>
      </div>
    );
  }
  const state = shownState(status, running);
  const words = stateWords(state, status.pending ?? 0);
  if (compact) {
    return (
      <div className="sync-panel" data-compact>
        <button type="button" className="button button-icon" title={`Sync — ${words}`} aria-disabled={running || undefined} onClick={() => void syncNow()}>
          <StateIcon state={state} size={18} />
          <span className="visually-hidden">Sync ({words})</span>
        </button>
      </div>
    );
  }
  return <SyncControl status={status} state={state} words={words} running={running} />;
}

interface SyncControlProps {
  status: SyncStatus;
  state: SyncState;
  words: string;
  running: boolean;
}

function SyncControl({ status, state, words, running }: SyncControlProps) {
  const [open, setOpen] = useState(false);
  const reasonId = useId();
  const reason = (state === 'offline' || state === 'error') && status.message ? status.message : undefined;
  const shown = reason !== undefined && open;
  const syncButton = useRef<HTMLButtonElement>(null);

  // Shared from the dialog: its opener ("Share through git…") is gone, so focus comes here rather than to the page.
  useEffect(() => {
    if (!syncStore.getState().justShared) return;
    syncStore.setState({ justShared: false });
    if (document.activeElement === document.body || document.activeElement === null) syncButton.current?.focus();
  }, []);
  const newToken = (
    <button type="button" className="button button-small" onClick={() => openSyncDialog('credentials')}>
      <KeyRound aria-hidden="true" size={14} />
      Enter a new token…
    </button>
  );
  const lastSync = status.lastSyncAt ? `Last synced ${versionDate(status.lastSyncAt, true)}` : 'Not synced yet';

  return (
    <section className="sync-panel" aria-label="Sharing" data-state={state}>
      <div className="sync-line">
        {reason ? (
          <button
            type="button"
            className="sync-state sync-state-toggle"
            aria-expanded={shown}
            aria-controls={shown ? reasonId : undefined}
            title={reason}
            onClick={() => setOpen(!shown)}
          >
            <StateIcon state={state} />
            <span className="sync-state-words">{words}</span>
            <ChevronDown aria-hidden="true" size={14} className="sync-chevron" />
          </button>
        ) : (
          <span className="sync-state" title={lastSync}>
            <StateIcon state={state} />
            <span className="sync-state-words">{words}</span>
          </span>
        )}
        <button ref={syncButton} type="button" className="button button-small sync-button" aria-disabled={running || undefined} onClick={() => void syncNow()}>
          <RefreshCw aria-hidden="true" size={14} />
          Sync
        </button>
      </div>
      {status.remote ? (
        <p className="sync-remote" title={status.remote}>
          {shortRemote(status.remote)}
        </p>
      ) : null}
      {shown ? (
        <div id={reasonId} className="sync-reason">
          <p>{reason}</p>
          {state === 'error' && !isCredentialProblem(status) ? newToken : null}
        </div>
      ) : null}
      {/* A refused token is fixed here, without opening the reason first. */}
      {state === 'error' && isCredentialProblem(status) ? <div className="sync-fix">{newToken}</div> : null}
    </section>
  );
}
