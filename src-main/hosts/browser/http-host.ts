/**
 * Browser mode's HTTP host: the built renderer and the notebook API on 127.0.0.1, behind a
 * per-launch token. Every request passes the Host/Origin guard first; `/api/…` goes to
 * `dispatch`, everything else to the static files.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NotebookHandlers } from '../../common/api';
import type { DispatchOptions } from '../../common/api-dispatch';
import { FEED_PATH, type NotebookFeed } from '../../common/change-feed';
import { API_PREFIX, handleApiRequest } from './api-route';
import { answerClientErrors } from './client-errors';
import { createFeedRoute } from './feed-route';
import { refuseForeignRequest } from './request-guard';
import { sendError } from './responses';
import { createStaticFiles } from './static-files';

/** Largest API request body: a pasted book is a few MB; this leaves room without inviting abuse. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * Largest request line plus headers (Node's default, fixed here so the refusal can name it):
 * the API's arguments travel in the body, so nothing legitimate comes near it.
 */
export const MAX_HEADER_BYTES = 16 * 1024;

/** How long `close()` lets requests in flight finish before cutting their connections. */
const CLOSE_GRACE_MS = 3000;

export interface BrowserHostOptions {
  handlers: NotebookHandlers;
  /** The notebook's change feed, streamed to every page at `FEED_PATH`. */
  feed: NotebookFeed;
  /** The built renderer folder (`out/renderer`). */
  rendererDir: string;
  /** 0 picks any free port. */
  port: number;
  /** Browser mode never listens beyond this machine. */
  host?: '127.0.0.1';
  /** Defaults to `MAX_BODY_BYTES`; smaller in tests. */
  maxBodyBytes?: number;
  /** Called with failures that are bugs (for logging). */
  onInternalError?: DispatchOptions['onInternalError'];
}

export interface BrowserHost {
  /** `http://127.0.0.1:<port>/#token=<token>`: the fragment never leaves the browser. */
  url: string;
  port: number;
  token: string;
  /** Stops accepting connections and resolves when the server is closed. */
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function requestPath(url: string | undefined): string {
  return (url ?? '').split(/[?#]/, 1)[0] ?? '';
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(32).toString('hex');
  const staticFiles = await createStaticFiles(options.rendererDir);
  const apiContext = {
    handlers: options.handlers,
    token,
    maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
    ...(options.onInternalError ? { onInternalError: options.onInternalError } : {}),
  };
  const feed = createFeedRoute(options.feed, token);
  let port = 0;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refusal = refuseForeignRequest(req.headers, port);
    if (refusal !== undefined) {
      sendError(res, 403, 'unavailable', refusal);
      return;
    }
    const path = requestPath(req.url);
    if (path === FEED_PATH) {
      feed.handle(req, res);
      return;
    }
    if (path === '/api' || path.startsWith(API_PREFIX)) {
      await handleApiRequest(req, res, path, apiContext);
      return;
    }
    await staticFiles.serve(req, res);
  }

  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      options.onInternalError?.(`${req.method} ${requestPath(req.url)}`, error);
      sendError(res, 500, 'internal', `Something went wrong while answering this request: ${String(error)}`);
    });
  });

  server.on('clientError', answerClientErrors(MAX_HEADER_BYTES));

  await listen(server, options.port, options.host ?? '127.0.0.1');
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      feed.closeAll();
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
    });
    return closing;
  };

  return { url: `http://127.0.0.1:${port}/#token=${token}`, port, token, close };
}
