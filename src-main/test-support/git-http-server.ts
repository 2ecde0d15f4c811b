/**
 * A real git smart-HTTP server for tests: Node's `http` on 127.0.0.1 in front of the system's
 * `git-http-backend`, run as a CGI per request, over bare repositories in a temporary folder.
 * Both the system `git` and isomorphic-git can clone, fetch and push through it.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const HTTP_BACKEND = '/usr/lib/git-core/git-http-backend';
const run = promisify(execFile);

export interface GitHttpServerOptions {
  /** With either set, every request needs HTTP Basic auth with exactly these credentials. */
  username?: string;
  token?: string;
}

export interface GitHttpServer {
  /** e.g. `http://127.0.0.1:PORT/notebook.git`; the repository need not exist yet. */
  urlOf(name: string): string;
  /** Creates an empty bare repository (default branch `main`, pushes allowed); returns its URL. */
  createBare(name: string): Promise<string>;
  /** Absolute path of the bare repository on disk, for assertions with the system git. */
  pathOf(name: string): string;
  /** Until `online()`, every request has its connection reset, as an unreachable remote would. */
  offline(): void;
  online(): void;
  /** Push requests (`git-receive-pack` POSTs) that reached git, including any a hook made. */
  readonly pushes: number;
  /**
   * Runs `hook` once, before the next push request is handed to git, so a test can move the
   * branch (push from another clone) after the pusher has read the refs: a lost race.
   */
  beforeNextPush(hook: () => Promise<void>): void;
  /** Stops the server and removes every repository. */
  close(): Promise<void>;
}

/** Starts a server on a free port of 127.0.0.1. */
export async function startGitHttpServer(options: GitHttpServerOptions = {}): Promise<GitHttpServer> {
  const root = await mkdtemp(join(tmpdir(), 'marginalia-git-remote-'));
  const wanted = options.username !== undefined || options.token !== undefined ? `${options.username ?? ''}:${options.token ?? ''}` : null;
  const pushHooks: (() => Promise<void>)[] = [];
  let isOffline = false;
  let pushes = 0;

  const server = createServer((req, res) => {
    if (isOffline) {
      req.socket.destroy();
      return;
    }
    const user = wanted === null ? null : basicCredentials(req);
    if (wanted !== null && user !== wanted) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="test"', 'Content-Type': 'text/plain' }).end('Unauthorized');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Before a chunked push the git CLI probes with a lone flush-pkt ("0000"), which updates nothing.
    const isProbe = req.headers['content-length'] === '4';
    const isPush = req.method === 'POST' && url.pathname.endsWith('/git-receive-pack') && !isProbe;
    const hook = isPush ? pushHooks.shift() : undefined;
    if (isPush) pushes += 1;
    // The request body stays unread (buffered by the socket) while the hook runs.
    Promise.resolve(hook?.())
      .then(() => runBackend(root, req, res, url, user?.split(':')[0] ?? null))
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const pathOf = (name: string): string => {
    if (!/^[\w-][\w.-]*$/.test(name)) throw new Error(`Not a plain repository name: ${name}`);
    return join(root, name);
  };
  const urlOf = (name: string): string => `http://127.0.0.1:${port}/${encodeURIComponent(name)}`;

  return {
    urlOf,
    pathOf,
    async createBare(name) {
      const path = pathOf(name);
      await run('git', ['init', '--quiet', '--bare', '--initial-branch=main', path]);
      await run('git', ['--git-dir', path, 'config', 'http.receivepack', 'true']);
      return urlOf(name);
    },
    offline: () => {
      isOffline = true;
    },
    online: () => {
      isOffline = false;
    },
    get pushes() {
      return pushes;
    },
    beforeNextPush(hook) {
      pushHooks.push(hook);
    },
    async close() {
      // Clients keep connections alive; without this, close() would wait for them to time out.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** `user:password` from a Basic Authorization header, or null. */
function basicCredentials(req: IncomingMessage): string | null {
  const match = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match ? Buffer.from(match[1]!, 'base64').toString('utf8') : null;
}

/** Runs git-http-backend for one request (RFC 3875 CGI) and streams its answer back. */
function runBackend(root: string, req: IncomingMessage, res: ServerResponse, url: URL, user: string | null): Promise<void> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: '1',
    // Only the repository's own config applies, never the machine's or the user's.
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    REQUEST_METHOD: req.method ?? 'GET',
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.slice(1),
    REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
    ...(user !== null ? { REMOTE_USER: user || 'anonymous', AUTH_TYPE: 'Basic' } : {}),
  };
  // Every header becomes HTTP_*: this carries Content-Encoding (gzip'd upload-pack requests) and
  // Git-Protocol (protocol v2). Without Content-Length (a chunked body) the backend reads to EOF.
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === 'authorization') continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    if (name === 'content-type') env.CONTENT_TYPE = text;
    else if (name === 'content-length') env.CONTENT_LENGTH = text;
    else env[`HTTP_${name.toUpperCase().replaceAll('-', '_')}`] = text;
  }

  return new Promise((resolve, reject) => {
    const child = spawn(HTTP_BACKEND, [], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const stderr: Buffer[] = [];
    let head = Buffer.alloc(0);
    child.on('error', reject);
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    // The backend may answer (an error) without reading the body: ignore the broken pipe.
    child.stdin.on('error', () => {});
    req.pipe(child.stdin);
    res.on('close', () => {
      if (child.exitCode === null) child.kill();
    });

    const readHead = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const end = /\r?\n\r?\n/.exec(head.toString('latin1'));
      if (!end) return;
      child.stdout.off('data', readHead);
      const { status, headers } = parseCgiHead(head.subarray(0, end.index).toString('latin1'));
      res.writeHead(status, headers);
      res.write(head.subarray(end.index + end[0].length));
      child.stdout.pipe(res);
    };
    child.stdout.on('data', readHead);
    child.on('close', (code) => {
      if (res.headersSent) return resolve();
      reject(new Error(`git-http-backend exited with ${code} before its headers: ${Buffer.concat(stderr).toString('utf8')}`));
    });
  });
}

/** The status and headers of a CGI response head (`Status: 404 Not Found`, `Content-Type: …`). */
function parseCgiHead(text: string): { status: number; headers: OutgoingHttpHeaders } {
  let status = 200;
  const headers: Record<string, string[]> = {};
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 500;
    else (headers[name] ??= []).push(value);
  }
  return { status, headers };
}
