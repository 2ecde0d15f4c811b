/**
 * The Electron glue, tested here without an Electron binary: `electron` is replaced by a
 * small recorder of what the host registers (test/fake-electron.ts), and the handlers behind
 * it are the real services on a real notebook folder.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS, ipcChannel } from '../../common/api-methods';
import { openNotebook, type OpenNotebook } from '../../services/open-notebook';
import { tempDir } from '../../test-support/temp-dir';
import * as fake from './test/fake-electron';

vi.mock('electron', () => import('./test/fake-electron'));

const { registerIpc } = await import('./ipc');
const { appMenuTemplate, editMenu } = await import('./app-menu');
const { APP_PAGE_URL } = await import('./app-protocol');

function fakeWindow(url = APP_PAGE_URL) {
  const mainFrame = { url };
  const webContents = { mainFrame };
  return { window: { isDestroyed: () => false, webContents }, mainFrame, webContents };
}

afterEach(() => {
  fake.app.isPackaged = false;
  delete process.env.ELECTRON_RENDERER_URL;
});

describe('IPC registration', () => {
  let notebook: OpenNotebook;
  const app = fakeWindow();
  const call = (event: unknown) => fake.ipcMain.handlers.get('notebook:listArticles')!(event, {});
  beforeAll(async () => {
    notebook = await openNotebook(await tempDir());
    registerIpc(notebook.handlers, () => app.window as never);
  });
  afterAll(() => notebook.close());

  it('registers exactly one channel per contract method', () => {
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(API_METHODS.map(ipcChannel).sort());
  });

  it('answers the app window with the real services', async () => {
    const answer = await call({ sender: app.webContents, senderFrame: app.mainFrame });
    expect(answer).toMatchObject({ ok: true, value: [expect.objectContaining({ dateline: 'Tokyo' })] });
  });

  it('validates arguments before the services see them', async () => {
    const answer = await fake.ipcMain.handlers.get('notebook:getArticle')!({ sender: app.webContents, senderFrame: app.mainFrame }, { id: '../x' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it.each([
    ['another web contents', () => ({ sender: fakeWindow().webContents, senderFrame: app.mainFrame })],
    ['a subframe of the app window', () => ({ sender: app.webContents, senderFrame: { url: APP_PAGE_URL } })],
    ['no frame (it went away)', () => ({ sender: app.webContents, senderFrame: null })],
  ])('refuses calls from %s', async (_name, event) => {
    expect(await call(event())).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it.each([
    ['a foreign page', 'https://evil.example/'],
    ['the renderer opened as a file', 'file:///opt/Marginalia/resources/app.asar/out/renderer/index.html'],
    ['another host of the app scheme', 'app://evil/index.html'],
    ['another page of the app', 'app://marginalia/assets/other.html'],
    ['a dev server (the app is not started with one)', 'http://localhost:5173/'],
  ])('refuses calls from the app window showing %s', async (_name, url) => {
    app.mainFrame.url = url;
    try {
      expect(await call({ sender: app.webContents, senderFrame: app.mainFrame })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    } finally {
      app.mainFrame.url = APP_PAGE_URL;
    }
  });

  it('trusts the development server only in an app that is not packaged', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    app.mainFrame.url = 'http://localhost:5173/';
    try {
      fake.app.isPackaged = false;
      expect(await call({ sender: app.webContents, senderFrame: app.mainFrame })).toMatchObject({ ok: true });
      fake.app.isPackaged = true;
      expect(await call({ sender: app.webContents, senderFrame: app.mainFrame })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    } finally {
      app.mainFrame.url = APP_PAGE_URL;
    }
  });
});

describe('the Edit menu', () => {
  it('sends Undo and Redo to the page, with their shortcuts shown but left to the page', () => {
    const sent: unknown[][] = [];
    const window = { webContents: { send: (...args: unknown[]) => sent.push(args) } };
    const { submenu } = editMenu(() => window as never) as { submenu: { label?: string; accelerator?: string; registerAccelerator?: boolean; click?: () => void }[] };
    const undo = submenu.find((item) => item.label === 'Undo')!;
    const redo = submenu.find((item) => item.label === 'Redo')!;
    expect([undo.accelerator, undo.registerAccelerator, redo.accelerator, redo.registerAccelerator]).toEqual(['CmdOrCtrl+Z', false, 'CmdOrCtrl+Shift+Z', false]);
    undo.click!();
    redo.click!();
    expect(sent).toEqual([
      ['app-menu:command', 'undo'],
      ['app-menu:command', 'redo'],
    ]);
  });
});

describe('the application menu', () => {
  /** Every role anywhere in the menu. */
  const roles = (items: unknown[]): string[] =>
    items.flatMap((item) => {
      const { role, submenu } = item as { role?: string; submenu?: unknown[] };
      return [...(role ? [role] : []), ...(Array.isArray(submenu) ? roles(submenu) : [])];
    });

  it('offers no Developer Tools in an installed app', () => {
    expect(roles(appMenuTemplate('/notebook', () => undefined, { devTools: false }))).not.toContain('toggleDevTools');
  });

  it('offers them while developing', () => {
    expect(roles(appMenuTemplate('/notebook', () => undefined, { devTools: true }))).toContain('toggleDevTools');
  });
});
