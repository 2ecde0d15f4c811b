/**
 * The desktop menu's Undo and Redo (Electron only; browser mode has no app menu). With a text
 * field focused they act on the field, as a menu's Undo does everywhere else; otherwise they
 * undo or redo the notebook's last change, like the keys.
 */
import { useEffect } from 'react';
import type { AppMenuBridge, MenuCommand } from '../../src-main/common/app-menu';
import { redo, undo } from './history-actions';
import { isTypingTarget } from './is-typing-target';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    appMenu?: AppMenuBridge;
  }
}

export function runMenuCommand(command: MenuCommand): void {
  if (isTypingTarget(document.activeElement)) {
    // The field's own history; execCommand is the one way a page can reach it.
    document.execCommand(command);
    return;
  }
  if (document.querySelector('dialog[open], [role="dialog"]')) return;
  void (command === 'undo' ? undo() : redo());
}

export function useMenuCommands(): void {
  useEffect(() => window.appMenu?.onCommand(runMenuCommand), []);
}
