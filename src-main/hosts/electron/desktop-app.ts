/**
 * The Electron app's lifecycle: one instance, one hardened window, the notebook opened
 * before the window shows, and every write flushed before the app quits.
 */
import { BrowserWindow, Menu, app, dialog, protocol, session } from 'electron';
import { FEED_CHANNEL } from '../../common/change-feed';
import { NotebookError } from '../../common/errors';
import { openNotebook, type OpenNotebook } from '../../services/open-notebook';
import { resolveNotebookDir } from '../../store/notebook-location';
import { buildAppMenu } from './app-menu';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { registerIpc } from './ipc';
import { keychainCredentials } from './keychain-credentials';
import { RENDERER_DIR, createMainWindow } from './main-window';
import { printPdfInWindow } from './print-pdf';
import { denyNavigationEverywhere, hardenSession } from './web-security';

/** A shared notebook syncs by itself this often while the app runs (and once more when it quits). */
const SYNC_EVERY_MS = 5 * 60_000;

export function startDesktopApp(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();
  // The page's own scheme (app://marginalia/) must be declared before the app is ready.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  denyNavigationEverywhere();

  let window: BrowserWindow | undefined;
  let notebook: OpenNotebook | undefined;

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (notebook && BrowserWindow.getAllWindows().length === 0) window = createMainWindow();
  });

  let flushed = false;
  app.on('before-quit', (event) => {
    if (flushed || !notebook) return;
    event.preventDefault();
    void notebook.close().finally(() => {
      flushed = true;
      app.quit();
    });
  });

  void app.whenReady().then(async () => {
    // The window's own files first: without them there is nothing to show, and the notebook
    // is better left unopened than opened behind a window that cannot load.
    hardenSession(session.defaultSession);
    try {
      protocol.handle(APP_SCHEME, await createAppProtocolHandler(RENDERER_DIR));
    } catch (error) {
      dialog.showErrorBox('Marginalia could not start', `Its window’s files are missing from ${RENDERER_DIR}: install Marginalia again.\n\n${String(error)}`);
      app.exit(1);
      return;
    }
    const dir = resolveNotebookDir(process.argv.slice(1), process.env, app.getPath('userData'));
    try {
      notebook = await openNotebook(dir, { printPdf: printPdfInWindow, credentials: keychainCredentials(), syncEveryMs: SYNC_EVERY_MS, syncOnClose: true });
    } catch (error) {
      const message = error instanceof NotebookError ? error.message : String(error);
      dialog.showErrorBox('Marginalia could not open the notebook', `${dir}\n\n${message}`);
      app.exit(1);
      return;
    }
    for (const file of notebook.status().quarantined) {
      console.warn(`[marginalia] set aside ${file.file} → ${file.movedTo}: ${file.reason}`);
    }
    registerIpc(notebook.handlers, () => window);
    // Every committed change goes to every window, which updates in place.
    notebook.feed.subscribe((change) => {
      for (const open of BrowserWindow.getAllWindows()) if (!open.isDestroyed()) open.webContents.send(FEED_CHANNEL, change);
    });
    Menu.setApplicationMenu(buildAppMenu(dir, () => window, { devTools: !app.isPackaged }));
    window = createMainWindow();
  });
}
