/** The application menu: the usual items, from Electron's roles where they behave natively. */
import { Menu, app, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from '../../common/app-menu';

/**
 * The Edit menu. Undo and Redo go to the page, which undoes the notebook's last change, or
 * the text field's last edit when one has focus. Their shortcuts are shown but not registered
 * (`registerAccelerator: false`): the page handles the keys itself, so one key press can
 * never undo twice.
 */
export function editMenu(appWindow: () => BrowserWindow | undefined): MenuItemConstructorOptions {
  const send = (command: MenuCommand) => () => appWindow()?.webContents.send(MENU_CHANNEL, command);
  return {
    label: 'Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: send('undo') },
      { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false, click: send('redo') },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
}

export interface AppMenuOptions {
  /** Offer Toggle Developer Tools: only in an app that is not packaged. */
  devTools: boolean;
}

/** The menu's items (built into a Menu by `buildAppMenu`). */
export function appMenuTemplate(notebookDir: string, appWindow: () => BrowserWindow | undefined, options: AppMenuOptions): MenuItemConstructorOptions[] {
  const isMac = process.platform === 'darwin';
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        // The page opens the export dialog on the whole notebook (its own shortcut handles the keys).
        { label: 'Export…', accelerator: 'CmdOrCtrl+Shift+E', registerAccelerator: false, click: () => appWindow()?.webContents.send(MENU_CHANNEL, 'export' satisfies MenuCommand) },
        // The page shows its import dialog, whose button opens the file picker (a page may open one only on a click in it).
        { label: 'Import Bundle or Annotations…', click: () => appWindow()?.webContents.send(MENU_CHANNEL, 'import-exchange' satisfies MenuCommand) },
        { type: 'separator' },
        // The page shows its dialog (the remote's address, the token, your name) and runs the sync itself.
        { label: 'Share through git…', click: () => appWindow()?.webContents.send(MENU_CHANNEL, 'share-notebook' satisfies MenuCommand) },
        { label: 'Sync now', click: () => appWindow()?.webContents.send(MENU_CHANNEL, 'sync-now' satisfies MenuCommand) },
        { type: 'separator' },
        { label: 'Show Notebook Folder', click: () => void shell.openPath(notebookDir) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    editMenu(appWindow),
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(options.devTools ? [{ role: 'toggleDevTools' as const }] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: `About ${app.getName()}`, click: () => app.showAboutPanel() }],
    },
  ];
}

export function buildAppMenu(notebookDir: string, appWindow: () => BrowserWindow | undefined, options: AppMenuOptions): Menu {
  return Menu.buildFromTemplate(appMenuTemplate(notebookDir, appWindow, options));
}
