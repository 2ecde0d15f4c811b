/**
 * The rules every web contents of the desktop app obeys, driven through the handlers the app
 * registers (on a stand-in `electron`, test/fake-electron.ts): where a frame may navigate or be
 * redirected, new windows, webviews, permissions, downloads and the CSP.
 */
import { EventEmitter } from 'node:events';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../common/content-security';
import * as fake from './test/fake-electron';

vi.mock('electron', () => import('./test/fake-electron'));

const { denyNavigationEverywhere, hardenSession } = await import('./web-security');
const { APP_PAGE_URL } = await import('./app-protocol');

afterEach(() => {
  fake.app.isPackaged = false;
  delete process.env.ELECTRON_RENDERER_URL;
});

/** A web contents as the app sees one created, with the handlers the app gave it. */
class Contents extends EventEmitter {
  openHandler?: (details: unknown) => unknown;
  setWindowOpenHandler(fn: (details: unknown) => unknown) {
    this.openHandler = fn;
  }
  /** Emits a navigation event as Electron does; answers whether it was prevented. */
  attempt(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', url: string, isMainFrame = true): boolean {
    const details = { url, isMainFrame, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    this.emit(event, details, url, false, isMainFrame);
    return details.defaultPrevented;
  }
}

let contents: Contents;
beforeAll(() => {
  denyNavigationEverywhere();
  contents = new Contents();
  fake.app.emit('web-contents-created', {}, contents);
});

describe('navigation of the main frame (will-navigate, will-frame-navigate, will-redirect)', () => {
  const table: [url: string, allowed: boolean][] = [
    [APP_PAGE_URL, true],
    [`${APP_PAGE_URL}#/article/art_0123456789`, true],
    ['app://marginalia/', true],
    ['app://marginalia/assets/index.js', false],
    ['app://evil/index.html', false],
    ['app://user@marginalia/index.html', false],
    ['https://evil.example/', false],
    ['http://localhost:5173/', false],
    ['file:///etc/passwd', false],
    ['file:///opt/Marginalia/resources/app.asar/out/renderer/index.html', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['about:blank', false],
    ['about:srcdoc', false],
    ['not a url', false],
  ];
  for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const) {
    for (const [url, allowed] of table) {
      it(`${event}: ${allowed ? 'lets the window go to' : 'keeps the window from'} ${url}`, () => {
        expect(contents.attempt(event, url)).toBe(!allowed);
      });
    }
  }
});

describe('navigation of a frame inside the page (the export preview is a sandboxed srcdoc frame)', () => {
  const table: [url: string, allowed: boolean][] = [
    ['about:srcdoc', true],
    ['about:blank', true],
    // A link clicked in the preview must not load anything into it, not even the app.
    ['https://evil.example/', false],
    [APP_PAGE_URL, false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<b>x</b>', false],
  ];
  for (const [url, allowed] of table) {
    it(`will-frame-navigate: ${allowed ? 'lets a frame show' : 'keeps a frame from'} ${url}`, () => {
      expect(contents.attempt('will-frame-navigate', url, false)).toBe(!allowed);
    });
    it(`will-redirect: ${allowed ? 'lets a frame be redirected to' : 'keeps a frame from being redirected to'} ${url}`, () => {
      expect(contents.attempt('will-redirect', url, false)).toBe(!allowed);
    });
  }
});

describe('the development server', () => {
  it('is where the window may go while developing, and nowhere in an installed app', () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    expect(contents.attempt('will-navigate', 'http://localhost:5173/')).toBe(false);
    expect(contents.attempt('will-navigate', APP_PAGE_URL)).toBe(true);
    fake.app.isPackaged = true;
    expect(contents.attempt('will-navigate', 'http://localhost:5173/')).toBe(true);
    expect(contents.attempt('will-navigate', APP_PAGE_URL)).toBe(false);
  });
});

describe('new windows and webviews', () => {
  it.each(['https://evil.example/', APP_PAGE_URL, 'about:blank'])('denies window.open(%s)', (url) => {
    expect(contents.openHandler?.({ url, frameName: '', features: '', disposition: 'new-window' })).toEqual({ action: 'deny' });
  });

  it('prevents attaching a webview', () => {
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    contents.emit('will-attach-webview', event, { nodeIntegration: true }, { src: 'https://evil.example/' });
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('the session', () => {
  const session = fake.session.defaultSession;
  beforeAll(() => hardenSession(session as never));

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'pointerLock', 'hid', 'serial', 'usb', 'fileSystem', 'unknown'])(
    'denies the permission %s when asked, and when checked',
    (permission) => {
      const granted: boolean[] = [];
      session.recorded.request!({} as never, permission as never, ((ok: boolean) => granted.push(ok)) as never);
      expect(granted).toEqual([false]);
      expect(session.recorded.check!({} as never, permission as never)).toBe(false);
    },
  );

  it('sets the CSP on every response', () => {
    let headers: Record<string, string[]> = {};
    session.recorded.headers!({ responseHeaders: { 'Content-Security-Policy': ["default-src *"] } } as never, ((r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders)) as never);
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });

  const appPage = { isDestroyed: () => false, getURL: () => APP_PAGE_URL };
  const foreignPage = { isDestroyed: () => false, getURL: () => 'https://evil.example/' };
  /** Emits will-download as Electron does; answers whether the download was cancelled. */
  const download = (url: string, from: unknown) => {
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    session.emit('will-download', event, { getURL: () => url }, from);
    return event.defaultPrevented;
  };

  const downloads: [name: string, url: string, from: unknown, saved: boolean][] = [
    ['an export the app page made', 'blob:app://marginalia/0b6e1f3c-2c4e-4a53-9d0e-1f2a3b4c5d6e', appPage, true],
    ['a blob of another origin', 'blob:https://evil.example/0b6e1f3c', appPage, false],
    ['a blob of an opaque origin (a sandboxed frame)', 'blob:null/0b6e1f3c', appPage, false],
    ['a web address', 'https://evil.example/setup.exe', appPage, false],
    ['a data: URL', 'data:application/octet-stream;base64,TVqQAAM=', appPage, false],
    ['a local file', 'file:///etc/passwd', appPage, false],
    ['an app blob from a page that is not the app', 'blob:app://marginalia/0b6e1f3c', foreignPage, false],
    ['an app blob from nowhere', 'blob:app://marginalia/0b6e1f3c', undefined, false],
  ];
  for (const [name, url, from, saved] of downloads) {
    it(`${saved ? 'lets' : 'cancels'} the download of ${name}`, () => {
      expect(download(url, from)).toBe(!saved);
    });
  }

  it('lets the dev server’s page save its exports only while developing', () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    const devPage = { isDestroyed: () => false, getURL: () => 'http://localhost:5173/' };
    expect(download('blob:http://localhost:5173/0b6e1f3c', devPage)).toBe(false);
    fake.app.isPackaged = true;
    expect(download('blob:http://localhost:5173/0b6e1f3c', devPage)).toBe(true);
  });
});
