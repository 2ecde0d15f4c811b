/**
 * Commands the desktop app's menu sends to the page. The preload exposes only a way to listen
 * for these (`window.appMenu`), never the channel itself.
 */
/**
 * Undo and Redo (Edit menu); Export… of the whole notebook, Import Bundle or Annotations…,
 * Share through git… and Sync now (File menu).
 */
export const MENU_COMMANDS = ['undo', 'redo', 'export', 'import-exchange', 'share-notebook', 'sync-now'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The IPC channel the main process sends menu commands on. */
export const MENU_CHANNEL = 'app-menu:command';

export const isMenuCommand = (value: unknown): value is MenuCommand => (MENU_COMMANDS as readonly unknown[]).includes(value);

export interface AppMenuBridge {
  /** Calls `listener` for each menu command; returns a function that stops listening. */
  onCommand(listener: (command: MenuCommand) => void): () => void;
}
