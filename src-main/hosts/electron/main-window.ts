/** The app's one window, hardened: isolated, sandboxed, no Node, nothing it can navigate to. */
import { join } from 'node:path';
import { BrowserWindow, app, nativeTheme } from 'electron';
import { appPage, type AppPage } from './app-page';

/** The built renderer, served to the window as app://marginalia/ (see app-protocol.ts). */
export const RENDERER_DIR = join(import.meta.dirname, '../renderer');

let warnedAboutDevServer = false;

/** The app's page for this run: app://marginalia/index.html, or the dev server in development only. */
export function currentAppPage(): AppPage {
  if (app.isPackaged && process.env.ELECTRON_RENDERER_URL && !warnedAboutDevServer) {
    warnedAboutDevServer = true;
    console.warn('[marginalia] ELECTRON_RENDERER_URL is ignored: a packaged app loads only its own page.');
  }
  return appPage(app.isPackaged, process.env);
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1320,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    title: 'Marginalia',
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1a18' : '#fbfaf7',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // No DevTools in an installed app: they would hand the page's IPC bridge to whoever opens them.
      devTools: !app.isPackaged,
      // A middle click must not open a link in a new window (which is denied anyway).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(currentAppPage().url);
  return window;
}
