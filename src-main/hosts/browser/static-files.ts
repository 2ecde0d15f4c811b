/**
 * Serves the built renderer (`out/renderer`) and nothing else.
 *
 * A request path is refused (404) unless it is a plain path inside the folder: no `..` or `.`
 * segment (also when percent-encoded), no empty segment, no hidden file, no NUL byte or
 * backslash; and the file's real path (symlinks resolved) must still be inside the folder.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { SECURITY_HEADERS, sendError } from './responses';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js loads its worker as .mjs; browsers refuse module scripts with any other type.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** The Content-Type sent for a file name. */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

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

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !isAbsolute(rel) && rel.split(sep)[0] !== '..';
}

/**
 * The file a request path names inside `root`, or undefined when the path is not a plain
 * path inside it. Pure: it does not look at the disk (symlinks are checked when serving).
 */
export function resolveRequestPath(root: string, rawUrl: string): string | undefined {
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '';
  if (!rawPath.startsWith('/')) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (path === '/') path = '/index.html';
  if (path.includes('\0') || path.includes('\\')) return undefined;
  const segments = path.slice(1).split('/');
  if (segments.some((segment) => segment === '' || segment.startsWith('.'))) return undefined;
  const candidate = resolve(root, ...segments);
  return isInside(root, candidate) ? candidate : undefined;
}

export interface StaticFiles {
  /** Answers a GET or HEAD for a file of the folder (or 404/405). */
  serve(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** Prepares to serve `dir`; fails when the folder does not exist (the renderer is not built). */
export async function createStaticFiles(dir: string): Promise<StaticFiles> {
  const root = await realpath(dir);
  if (!(await stat(root)).isDirectory()) throw new Error(`${dir} is not a folder`);

  async function findFile(rawUrl: string): Promise<{ path: string; size: number } | undefined> {
    const candidate = resolveRequestPath(root, rawUrl);
    if (candidate === undefined) return undefined;
    try {
      const real = await realpath(candidate);
      if (!isInside(root, real)) return undefined;
      const info = await stat(real);
      return info.isFile() ? { path: real, size: info.size } : undefined;
    } catch {
      return undefined;
    }
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, 'invalid_argument', `${req.method ?? 'This method'} is not allowed here: files are read with GET.`, {
        Allow: 'GET, HEAD',
      });
      return;
    }
    const file = await findFile(req.url ?? '');
    if (file === undefined) {
      sendError(res, 404, 'not_found', 'There is no such file in Marginalia.');
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': contentTypeFor(file.path),
      'Content-Length': file.size,
      'Cache-Control': cacheControlFor(relative(root, file.path)),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await pipeline(createReadStream(file.path), res);
  }

  return { serve };
}
