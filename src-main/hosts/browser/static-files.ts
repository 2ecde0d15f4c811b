/**
 * Serves the built renderer (`out/renderer`) and nothing else: which paths name a file is
 * decided by `renderer-files.ts` (shared with the desktop app's protocol); a path that names
 * none is answered 404.
 */
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { contentTypeFor, openRendererFolder } from '../shared/renderer-files';
import { SECURITY_HEADERS, sendError } from './responses';

/** A file the build named after its content (`assets/index-CaY7dAL1.js`): its bytes never change. */
const HASHED_ASSET = /^assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

/**
 * How long a browser may keep a file. The page must always be fresh; a file named after its
 * content can be kept for good, which also lets Chromium keep the compiled code of the
 * window's scripts instead of compiling half a megabyte again on every load; anything else is
 * checked each time.
 */
export function cacheControlFor(pathInFolder: string): string {
  if (extname(pathInFolder) === '.html') return 'no-store';
  return HASHED_ASSET.test(pathInFolder.split(sep).join('/')) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export interface StaticFiles {
  /** Answers a GET or HEAD for a file of the folder (or 404/405). */
  serve(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** Prepares to serve `dir`; fails when the folder does not exist (the renderer is not built). */
export async function createStaticFiles(dir: string): Promise<StaticFiles> {
  const folder = await openRendererFolder(dir);

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, 'invalid_argument', `${req.method ?? 'This method'} is not allowed here: files are read with GET.`, {
        Allow: 'GET, HEAD',
      });
      return;
    }
    const file = await folder.findFile(req.url ?? '');
    if (file === undefined) {
      sendError(res, 404, 'not_found', 'There is no such file in Marginalia.');
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': contentTypeFor(file.path),
      'Content-Length': file.size,
      'Cache-Control': cacheControlFor(relative(folder.root, file.path)),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await pipeline(createReadStream(file.path), res);
  }

  return { serve };
}
