/**
 * The desktop app's page comes from `app://marginalia/`, a scheme of its own served from the
 * built renderer folder, and not from `file://`: under `file://` the CSP's `'self'` matches
 * every file on the disk, and the page's origin is shared with any local file. Under
 * `app://marginalia` the origin is the app's alone, `'self'` means the renderer folder, and the
 * IPC check can recognise the page by its origin.
 *
 * This module is plain Node (the handler speaks the fetch API's Request and Response, which
 * Electron's `protocol.handle` uses), so it is tested without an Electron binary; the
 * registration lives in desktop-app.ts.
 */
import { promises as fs } from 'node:fs';
import { CONTENT_SECURITY_POLICY } from '../../common/content-security';
import { contentTypeFor, openRendererFolder } from '../shared/renderer-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'marginalia';
/** The app's origin, as Chromium spells it for a standard scheme. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The address of the app's page. */
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/**
 * How the scheme is registered (`protocol.registerSchemesAsPrivileged`, before the app is
 * ready): `standard`, so relative URLs resolve and the page has a real origin (web storage,
 * `'self'`); `secure`, so it is a secure context like https; `supportFetchAPI`, so loads the
 * page makes in CORS mode (its `crossorigin` module script and stylesheet) are served like any
 * same-origin fetch — without `corsEnabled` no other origin can read these responses (Electron
 * refuses cross-origin CORS requests to such a scheme since electron/electron#51152); `codeCache`,
 * so Chromium keeps the compiled window script between launches. Deliberately not `corsEnabled`
 * (it lets other origins read responses with no CORS check at all), not `bypassCSP`, not
 * `allowServiceWorkers`, not `stream`.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

/** Sent with every file, as browser mode does: the CSP as a header, no type sniffing. */
const FILE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function refusal(status: 404 | 405): Response {
  const headers: Record<string, string> = { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' };
  if (status === 405) headers.Allow = 'GET, HEAD';
  return new Response(status === 404 ? 'There is no such file in Marginalia.' : 'Files are read with GET.', { status, headers });
}

/**
 * The handler for `protocol.handle('app', …)`: answers a GET or HEAD of
 * `app://marginalia/<path>` with that file of `rendererDir`, sent with its type; anything else
 * — another host, a path that leaves the folder (`..`, encoded or not, a symlink out), a hidden
 * file, a folder, a missing file — is answered 404 without reading the disk beyond the folder.
 */
export async function createAppProtocolHandler(rendererDir: string): Promise<(request: Request) => Promise<Response>> {
  const folder = await openRendererFolder(rendererDir);
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refusal(404);
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refusal(404);
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405);
    const file = await folder.findFile(url.pathname);
    if (file === undefined) return refusal(404);
    const headers = { ...FILE_HEADERS, 'Content-Type': contentTypeFor(file.path), 'Content-Length': String(file.size) };
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
    try {
      return new Response(await fs.readFile(file.path), { status: 200, headers });
    } catch {
      return refusal(404);
    }
  };
}
