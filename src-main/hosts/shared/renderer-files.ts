/**
 * The built renderer folder (`out/renderer`) as both hosts serve it — browser mode over HTTP,
 * the desktop app over its `app://` protocol — and nothing outside it.
 *
 * A request path names a file only when it is a plain path inside the folder: no `..` or `.`
 * segment (also when percent-encoded), no empty segment, no hidden file, no NUL byte or
 * backslash; and the file's real path (symlinks resolved) must still be inside the folder.
 *
 * File access goes through `fs.promises` looked up at call time, not bound at import: inside
 * a packaged app the folder lives in app.asar, which Electron reads by patching those functions.
 */
import { promises as fs } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

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

export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !isAbsolute(rel) && rel.split(sep)[0] !== '..';
}

/**
 * The file a request path names inside `root`, or undefined when the path is not a plain
 * path inside it. Pure: it does not look at the disk (symlinks are checked by `findFile`).
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

export interface RendererFile {
  /** The file's real path, inside the folder. */
  path: string;
  size: number;
}

export interface RendererFolder {
  /** The folder's real path. */
  root: string;
  /** The file a request path names, or undefined (refused, missing, a folder, or outside once symlinks are followed). */
  findFile(rawUrl: string): Promise<RendererFile | undefined>;
}

/** Opens the renderer folder; fails when it does not exist (the renderer is not built). */
export async function openRendererFolder(dir: string): Promise<RendererFolder> {
  const root = await fs.realpath(dir);
  if (!(await fs.stat(root)).isDirectory()) throw new Error(`${dir} is not a folder`);
  return {
    root,
    async findFile(rawUrl) {
      const candidate = resolveRequestPath(root, rawUrl);
      if (candidate === undefined) return undefined;
      try {
        const real = await fs.realpath(candidate);
        if (!isInside(root, real)) return undefined;
        const info = await fs.stat(real);
        return info.isFile() ? { path: real, size: info.size } : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
