/**
 * Which address is the app's own page, for one run of the app. Navigation may go only there,
 * IPC is answered only from there, and only files the page made itself may be downloaded.
 *
 * A packaged app always loads `app://marginalia/index.html`. The electron-vite dev server
 * (`ELECTRON_RENDERER_URL`) is honoured only in an app that is not packaged — otherwise anyone
 * able to set one environment variable could point a packaged app, and the IPC it trusts, at a
 * page of their own — and only on this machine over http.
 *
 * Plain TypeScript over its inputs (packaged or not, the environment), so it is tested
 * without Electron; main-window.ts binds it to `app.isPackaged`.
 */
import { APP_HOST, APP_PAGE_URL, APP_SCHEME } from './app-protocol';

export interface AppPage {
  /** The address the window loads. */
  url: string;
  /** Whether the page comes from the development server. */
  development: boolean;
  /** True for the page's own address (with any fragment or query). */
  isAppUrl(url: string): boolean;
  /** True for a `blob:` URL the page itself made (an export it hands over to be saved). */
  isAppDownload(url: string): boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** The development server's address when it may be used, else undefined. */
export function devServerUrl(packaged: boolean, env: Record<string, string | undefined>): string | undefined {
  const given = env.ELECTRON_RENDERER_URL;
  if (packaged || !given) return undefined;
  const url = parse(given);
  return url && url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) ? url.href : undefined;
}

/** Whether `url` is the page served by the app's own protocol: app://marginalia/ or /index.html. */
function isProtocolPage(url: URL | undefined): boolean {
  if (url === undefined || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') return false;
  return url.pathname === '/' || url.pathname === '/index.html';
}

export function appPage(packaged: boolean, env: Record<string, string | undefined>): AppPage {
  const dev = devServerUrl(packaged, env);
  if (dev !== undefined) {
    const origin = new URL(dev).origin;
    return {
      url: dev,
      development: true,
      isAppUrl: (url) => parse(url)?.origin === origin,
      isAppDownload: (url) => url.startsWith('blob:') && parse(url.slice('blob:'.length))?.origin === origin,
    };
  }
  return {
    url: APP_PAGE_URL,
    development: false,
    isAppUrl: (url) => isProtocolPage(parse(url)),
    isAppDownload: (url) => {
      if (!url.startsWith('blob:')) return false;
      const inner = parse(url.slice('blob:'.length));
      return inner !== undefined && inner.protocol === `${APP_SCHEME}:` && inner.host === APP_HOST;
    },
  };
}
