/**
 * The desktop menu's commands (Electron only; browser mode has no app menu, and reaches each
 * by its key instead). Undo and Redo: with a text field focused they act on the field, as a
 * menu's Undo does everywhere else; otherwise they undo or redo the notebook's last change,
 * like the keys. Export… opens the export dialog on the whole notebook; Import Bundle or
 * Annotations… opens the exchange import's dialog, whose button opens the file picker; Share
 * through git… opens its dialog, and Sync now syncs (saying how it went in the status line).
 */
import { useEffect } from 'react';
import type { AppMenuBridge, MenuCommand } from '../../src-main/common/app-menu';
import { askForExchangeFile } from './exchange-import-store';
import { openNotebookExport } from './export-scope';
import { redo, undo } from './history-actions';
import { isTypingTarget } from './is-typing-target';
import { syncNow } from './sync-actions';
import { openSyncDialog } from './sync-store';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    appMenu?: AppMenuBridge;
  }
}

const dialogOpen = () => document.querySelector('dialog[open], [role="dialog"]') !== null;

/** The commands that open a dialog (not over another one). */
const OPENS_DIALOG: Partial<Record<MenuCommand, () => void>> = {
  export: openNotebookExport,
  'import-exchange': askForExchangeFile,
  'share-notebook': () => openSyncDialog('share'),
};

export function runMenuCommand(command: MenuCommand): void {
  const openDialog = OPENS_DIALOG[command];
  if (openDialog) {
    if (!dialogOpen()) openDialog();
    return;
  }
  if (command === 'sync-now') {
    void syncNow();
    return;
  }
  if (isTypingTarget(document.activeElement)) {
    // The field's own history; execCommand is the one way a page can reach it.
    document.execCommand(command);
    return;
  }
  if (dialogOpen()) return;
  void (command === 'undo' ? undo() : redo());
}

export function useMenuCommands(): void {
  useEffect(() => window.appMenu?.onCommand(runMenuCommand), []);
}
