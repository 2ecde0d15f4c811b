/**
 * Rules every web contents of the app obeys: no navigation away from the app's page (in any
 * frame, redirects included), no new windows, no webviews, no permissions (camera,
 * notifications, …), no downloads but the page's own exports, and the CSP on every response.
 */
import { app, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../common/content-security';
import { currentAppPage } from './main-window';

/**
 * What a frame inside the page may show: only documents made in place. The export dialog's
 * preview is a sandboxed `srcdoc` frame; a link clicked inside it must not take it anywhere.
 */
const INLINE_FRAME_URLS = new Set(['about:srcdoc', 'about:blank']);

/** Whether a navigation (or redirect) of a frame to `url` is allowed. */
export function mayNavigate(url: string, isMainFrame: boolean): boolean {
  return isMainFrame ? currentAppPage().isAppUrl(url) : INLINE_FRAME_URLS.has(url);
}

/** Whether a download may go ahead: only a file the app's page made (an export), from the app's page. */
export function mayDownload(url: string, contents: WebContents | undefined): boolean {
  const page = currentAppPage();
  return contents !== undefined && !contents.isDestroyed() && page.isAppUrl(contents.getURL()) && page.isAppDownload(url);
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  // An export is handed over as a Blob the page made, and Electron asks where to save it;
  // anything else a page might start downloading is cancelled.
  session.on('will-download', (event, item, contents) => {
    if (!mayDownload(item.getURL(), contents)) event.preventDefault();
  });
}

export function denyNavigationEverywhere(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (details) => {
      if (!mayNavigate(details.url, details.isMainFrame)) details.preventDefault();
    });
    // Fired for subframes too, where will-navigate is not.
    contents.on('will-frame-navigate', (details) => {
      if (!mayNavigate(details.url, details.isMainFrame)) details.preventDefault();
    });
    contents.on('will-redirect', (details) => {
      if (!mayNavigate(details.url, details.isMainFrame)) details.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
