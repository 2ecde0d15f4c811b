/**
 * The Electron glue, tested here without an Electron binary: `electron` is replaced by a
 * small recorder of what the host registers, and the handlers behind it are the real
 * services on a real notebook folder.
 */
import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS, ipcChannel } from '../../common/api-methods';
import { openNotebook, type OpenNotebook } from '../../services/open-notebook';
import { tempDir } from '../../test-support/temp-dir';

const fake = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, arg: unknown) => Promise<unknown>>(),
  app: null as unknown as EventEmitter,
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  fake.app = new Emitter();
  return {
    app: fake.app,
    ipcMain: { handle: (channel: string, fn: (event: unknown, arg: unknown) => Promise<unknown>) => fake.handlers.set(channel, fn) },
    BrowserWindow: class {},
    nativeTheme: { shouldUseDarkColors: false },
  };
});

const { registerIpc } = await import('./ipc');
const { editMenu } = await import('./app-menu');
const { denyNavigationEverywhere, hardenSession } = await import('./web-security');
const { isAppUrl, APP_PAGE_URL: APP_URL } = await import('./main-window');

function fakeWindow(url = APP_URL) {
  const mainFrame = { url };
  const webContents = { mainFrame };
  return { window: { isDestroyed: () => false, webContents }, mainFrame, webContents };
}

describe('IPC registration', () => {
  let notebook: OpenNotebook;
  const app = fakeWindow();
  beforeAll(async () => {
    notebook = await openNotebook(await tempDir());
    registerIpc(notebook.handlers, () => app.window as never);
  });
  afterAll(() => notebook.close());

  it('registers exactly one channel per contract method', () => {
    expect([...fake.handlers.keys()].sort()).toEqual(API_METHODS.map(ipcChannel).sort());
  });

  it('answers the app window with the real services', async () => {
    const answer = await fake.handlers.get('notebook:listArticles')!({ sender: app.webContents, senderFrame: app.mainFrame }, {});
    expect(answer).toMatchObject({ ok: true, value: [expect.objectContaining({ dateline: 'Tokyo' })] });
  });

  it('validates arguments before the services see them', async () => {
    const answer = await fake.handlers.get('notebook:getArticle')!({ sender: app.webContents, senderFrame: app.mainFrame }, { id: '../x' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it.each([
    ['another web contents', () => ({ sender: fakeWindow().webContents, senderFrame: app.mainFrame })],
    ['a subframe of the app window', () => ({ sender: app.webContents, senderFrame: { url: APP_URL } })],
    ['the app window showing a foreign page', () => {
      const foreign = fakeWindow('https://evil.example/');
      return { sender: app.webContents, senderFrame: foreign.mainFrame };
    }],
  ])('refuses calls from %s', async (_name, event) => {
    const answer = await fake.handlers.get('notebook:listArticles')!(event(), {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'unavailable' } });
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

describe('web contents rules', () => {
  it('denies navigation away from the app, new windows and webviews', () => {
    denyNavigationEverywhere();
    const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler: (fn: () => unknown) => void; openHandler?: () => unknown };
    contents.setWindowOpenHandler = (fn) => (contents.openHandler = fn);
    fake.app.emit('web-contents-created', {}, contents);

    const navigate = (url: string) => {
      const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
      contents.emit('will-navigate', event, url);
      return event.defaultPrevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate(APP_URL)).toBe(false);
    expect(contents.openHandler?.()).toEqual({ action: 'deny' });
    const webview = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    contents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);
  });

  it('denies every permission and sets the CSP on responses', () => {
    const recorded: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (fn: never) => (recorded.request = fn),
      setPermissionCheckHandler: (fn: never) => (recorded.check = fn),
      webRequest: { onHeadersReceived: (fn: never) => (recorded.headers = fn) },
    };
    hardenSession(session as never);
    const granted: boolean[] = [];
    (recorded.request as (c: unknown, p: string, cb: (ok: boolean) => void) => void)({}, 'media', (ok) => granted.push(ok));
    expect(granted).toEqual([false]);
    expect((recorded.check as () => boolean)()).toBe(false);
    let headers: Record<string, string[]> = {};
    (recorded.headers as (d: unknown, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void)({ responseHeaders: {} }, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']?.[0]).toMatch(/script-src 'self'/);
  });

  it('recognises only the built renderer page as the app', () => {
    expect(isAppUrl(APP_URL)).toBe(true);
    expect(isAppUrl(`${APP_URL}#token`)).toBe(true);
    expect(isAppUrl('file:///home/user/Downloads/renderer/index.html')).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
