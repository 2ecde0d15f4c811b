/**
 * The desktop app's start-up, wired as it runs (on a stand-in `electron`,
 * test/fake-electron.ts, with the real services on a temporary notebook): the page's scheme is
 * declared before the app is ready, the session is hardened and the scheme served before the
 * window exists, and an installed app's menu offers no DevTools.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as MainWindow from './main-window';
import * as fake from './test/fake-electron';

vi.mock('electron', () => import('./test/fake-electron'));
const renderer = vi.hoisted(() => ({ dir: '' }));
// The built renderer is not there when the sources are tested: a folder of the same shape is.
vi.mock('./main-window', async (importOriginal) => ({
  ...(await importOriginal<typeof MainWindow>()),
  get RENDERER_DIR() {
    return renderer.dir;
  },
}));

const { startDesktopApp } = await import('./desktop-app');
const { APP_SCHEME_PRIVILEGES } = await import('./app-protocol');

const roles = (items: unknown[]): string[] =>
  items.flatMap((item) => {
    const { role, submenu } = item as { role?: string; submenu?: unknown[] };
    return [...(role ? [role] : []), ...(Array.isArray(submenu) ? roles(submenu) : [])];
  });

let previousNotebook: string | undefined;
let work = '';

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'marginalia-desktop-'));
  renderer.dir = join(work, 'renderer');
  await mkdir(renderer.dir);
  await writeFile(join(renderer.dir, 'index.html'), '<!doctype html><title>Marginalia</title>');
  previousNotebook = process.env.MARGINALIA_NOTEBOOK;
  process.env.MARGINALIA_NOTEBOOK = join(work, 'notebook');
  fake.app.userData = join(work, 'user-data');
  fake.app.isPackaged = true;
  startDesktopApp();
}, 60_000);

afterAll(async () => {
  fake.app.emit('before-quit', { preventDefault: () => undefined });
  await vi.waitFor(() => expect(fake.app.quitCalls).toBeGreaterThan(0), { timeout: 20_000 });
  if (previousNotebook === undefined) delete process.env.MARGINALIA_NOTEBOOK;
  else process.env.MARGINALIA_NOTEBOOK = previousNotebook;
  await rm(work, { recursive: true, force: true });
});

describe('starting the desktop app', () => {
  it('declares app:// privileged before the app is ready, and sandboxes every renderer', () => {
    expect(fake.protocol.privileged).toEqual([{ schemes: [APP_SCHEME_PRIVILEGES], beforeReady: true }]);
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(fake.app.listenerCount('web-contents-created')).toBe(1);
  });

  it('once ready, hardens the session and serves app:// before it opens the window on app://marginalia/', async () => {
    fake.app.becomeReady();
    await vi.waitFor(() => expect(fake.BrowserWindow.created).toHaveLength(1), { timeout: 20_000 });
    const session = fake.session.defaultSession;
    expect(Object.keys(session.recorded).sort()).toEqual(['check', 'headers', 'request']);
    expect(session.listenerCount('will-download')).toBe(1);
    const handler = fake.protocol.handlers.get('app');
    const page = await handler!(new Request('app://marginalia/index.html'));
    expect(await page.text()).toBe('<!doctype html><title>Marginalia</title>');
    expect(fake.BrowserWindow.created[0]!.webContents.mainFrame.url).toBe('app://marginalia/index.html');
  });

  it('gives an installed app a menu without DevTools', () => {
    const menu = fake.Menu.application as { template: unknown[] };
    expect(roles(menu.template)).toContain('reload');
    expect(roles(menu.template)).not.toContain('toggleDevTools');
  });
});
