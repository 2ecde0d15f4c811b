/**
 * What the renderer does once at start: listen to the change feed, list the library's first rows,
 * then learn the notebook's status and list the rest of the library, the legend, claims, notes
 * and tags.
 */
import { notebook } from '../notebook-client';
import { notebookFeed, onFeedReconnect } from '../notebook-feed';
import { applyChange, refreshEverything } from './apply-change';
import { loadClaims, loadHistory, loadLegend, loadNotes } from './annotation-actions';
import { loadFirstRows, loadWholeLibrary } from './library-actions';
import { whenReaderSettled } from './library-store';
import { loadTags } from './research-refresh';
import { reportError, setBusy, statusStore } from './status-store';

/** Below this, a busy message would only flicker. */
const BUSY_DELAY_MS = 400;

let stopListening: (() => void) | undefined;

async function loadStatus(): Promise<void> {
  const status = await notebook.getNotebookStatus({});
  if (status.ok) statusStore.setState({ notebook: status.value });
  else reportError(status.error);
}

export async function startApp(): Promise<void> {
  // Listening first: a change committed while the lists load is applied over them, not lost.
  stopListening?.();
  stopListening = notebookFeed.subscribe(applyChange);
  onFeedReconnect(() => void refreshEverything());
  const busy = setTimeout(() => setBusy('Opening your notebook…'), BUSY_DELAY_MS);
  try {
    // The library's first rows before anything else is asked: they are what the person is
    // waiting to see, and the main side (and this window) would otherwise be busy with
    // megabytes of lists that can come a moment later. The legend and undo history live in
    // the main process and outlast a window reload.
    await loadFirstRows();
    await Promise.all([loadWholeLibrary(), loadStatus(), loadLegend(), loadHistory()]);
    // Notes, claims and tags are the largest lists after the library's and the main side works
    // them out one after another: an article the person opened meanwhile is fetched first (with
    // all of them asked at once, opening the 1,000-highlight article at 10,000 articles waited
    // ~400 ms behind them). Its claim marks follow when the claims arrive.
    await whenReaderSettled();
    await Promise.all([loadNotes(), loadClaims(), loadTags()]);
  } finally {
    clearTimeout(busy);
    setBusy(null);
  }
}
