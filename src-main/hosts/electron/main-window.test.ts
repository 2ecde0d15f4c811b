/**
 * The app's window as created (on a stand-in `electron`, test/fake-electron.ts): the hardened
 * web preferences, and the page it loads — the app's own, in an installed app whatever the
 * environment says.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as fake from './test/fake-electron';

vi.mock('electron', () => import('./test/fake-electron'));

const { createMainWindow } = await import('./main-window');

afterEach(() => {
  fake.app.isPackaged = false;
  delete process.env.ELECTRON_RENDERER_URL;
});

function created(): { options: { webPreferences: Record<string, unknown> }; url: string } {
  const window = createMainWindow() as unknown as fake.BrowserWindow;
  return { options: window.options as { webPreferences: Record<string, unknown> }, url: window.webContents.mainFrame.url };
}

describe('the main window', () => {
  it('is isolated, sandboxed, without Node, webviews, insecure content or experiments', () => {
    fake.app.isPackaged = true;
    const { webPreferences } = created().options;
    expect(webPreferences).toEqual({
      preload: expect.stringMatching(/[/\\]preload[/\\]index\.cjs$/),
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
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    });
  });

  it('has DevTools only while developing', () => {
    fake.app.isPackaged = false;
    expect(created().options.webPreferences.devTools).toBe(true);
    fake.app.isPackaged = true;
    expect(created().options.webPreferences.devTools).toBe(false);
  });

  it('loads the app’s own page from app://marginalia/, not from a file', () => {
    fake.app.isPackaged = true;
    expect(created().url).toBe('app://marginalia/index.html');
  });

  it('ignores ELECTRON_RENDERER_URL in an installed app', () => {
    fake.app.isPackaged = true;
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    expect(created().url).toBe('app://marginalia/index.html');
  });

  it('loads the dev server while developing, when it is on this machine', () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    expect(created().url).toBe('http://localhost:5173/');
    process.env.ELECTRON_RENDERER_URL = 'https://evil.example/';
    expect(created().url).toBe('app://marginalia/index.html');
  });
});
