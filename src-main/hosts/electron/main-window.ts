/** The app's one window, hardened: isolated, sandboxed, no Node, nothing it can navigate to. */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BrowserWindow, nativeTheme } from 'electron';

const RENDERER_DEV_URL = process.env.ELECTRON_RENDERER_URL;
const RENDERER_FILE = join(import.meta.dirname, '../renderer/index.html');

/** The address of the app's own page when it is loaded from the build. */
export const APP_PAGE_URL = pathToFileURL(RENDERER_FILE).href;

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
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  if (RENDERER_DEV_URL) void window.loadURL(RENDERER_DEV_URL);
  else void window.loadFile(RENDERER_FILE);
  return window;
}

/** True when `url` is the app's own page (the built file, or the dev server in development). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (RENDERER_DEV_URL) return parsed.origin === new URL(RENDERER_DEV_URL).origin;
    return parsed.protocol === 'file:' && fileURLToPath(parsed) === RENDERER_FILE;
  } catch {
    return false;
  }
}
