/**
 * `GET /api-events`: the change feed as Server-Sent Events, token-checked like every API call
 * (the page reads it with `fetch`, which can send the Authorization header; EventSource cannot).
 * Each committed change is one event; a comment line every 25 s keeps idle connections open.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NotebookFeed } from '../../common/change-feed';
import { hasBearerToken } from './request-guard';
import { SECURITY_HEADERS, sendError } from './responses';

const KEEP_ALIVE_MS = 25_000;

export interface FeedRoute {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Ends every open stream (the host is closing). */
  closeAll(): void;
}

export function createFeedRoute(feed: NotebookFeed, token: string): FeedRoute {
  const open = new Set<ServerResponse>();
  return {
    handle(req, res) {
      if (req.method !== 'GET') {
        sendError(res, 405, 'invalid_argument', `The change feed is read with GET, not ${req.method ?? 'this method'}.`, { Allow: 'GET' });
        return;
      }
      if (!hasBearerToken(req.headers.authorization, token)) {
        sendError(res, 401, 'unavailable', 'The access token is missing or wrong. Open the address Marginalia printed when it started (it ends with #token=…).');
        return;
      }
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store' });
      // The first line tells the page the stream is open (and flushes the headers).
      res.write(': connected\n\n');
      open.add(res);
      const unsubscribe = feed.subscribe((change) => res.write(`id: ${change.seq}\ndata: ${JSON.stringify(change)}\n\n`));
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS).unref();
      res.once('close', () => {
        unsubscribe();
        clearInterval(keepAlive);
        open.delete(res);
      });
    },
    closeAll() {
      for (const res of open) res.end();
    },
  };
}
