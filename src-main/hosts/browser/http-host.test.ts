/**
 * The HTTP layer of browser mode: guards, routing, status codes and static files. The handler
 * table is a fake on purpose — storage is tested with the store; here only the host is.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { get, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, type RawResponse } from '../../../e2e/support/raw-http';
import { API_METHODS } from '../../common/api-methods';
import type { NotebookHandlers } from '../../common/api';
import { FEED_PATH, type ChangeListener, type NotebookChange } from '../../common/change-feed';
import { CONTENT_SECURITY_POLICY } from '../../common/content-security';
import { NotebookError } from '../../common/errors';
import type { ArticleMeta } from '../../common/model';
import { startBrowserHost, type BrowserHost } from './http-host';

const INDEX_HTML = '<!doctype html><title>Marginalia</title><script type="module" src="/assets/app.js"></script>';

const meta = (title: string): ArticleMeta => ({
  id: 'art_0123456789',
  title,
  source: '',
  format: 'text',
  tags: [],
  wordCount: 1,
  createdAt: '2024-07-28T00:00:00.000Z',
  updatedAt: '2024-07-28T00:00:00.000Z',
});

const internalErrors: string[] = [];

/** A feed the tests push changes into, as the committer does. */
const feedListeners = new Set<ChangeListener>();
const testFeed = {
  subscribe(listener: ChangeListener) {
    feedListeners.add(listener);
    return () => void feedListeners.delete(listener);
  },
};

const unused = async (): Promise<never> => {
  throw new Error('not used by the HTTP-layer tests');
};

const fakeHandlers: NotebookHandlers = {
  ...(Object.fromEntries(API_METHODS.map((method) => [method, unused])) as unknown as NotebookHandlers),
  getNotebookStatus: async () => ({ location: '/fake/notebook', quarantined: [], damagedFiles: [] }),
  listArticles: async () => [{ ...meta('Sample'), annotationCount: 0 }],
  getArticle: async () => {
    throw new NotebookError('not_found', 'That article is no longer in the notebook.');
  },
  importArticle: async (arg) => meta(arg.title ?? 'Untitled'),
  updateArticle: async (arg) => meta(arg.title ?? 'Sample'),
  deleteArticle: async () => {
    throw new Error('disk on fire');
  },
};

let workDir: string;
let host: BrowserHost;
let smallHost: BrowserHost;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'marginalia-host-'));
  const renderer = join(workDir, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  const files: Record<string, string> = {
    'index.html': INDEX_HTML,
    'assets/app.js': 'console.log("app")',
    'assets/pdf.worker.mjs': 'export {}',
    'assets/style.css': 'body{}',
    'assets/literata.woff2': 'wOF2',
    'assets/inter.woff': 'wOFF',
    'assets/icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'assets/logo.png': 'PNG',
    'assets/data.json': '{}',
    '.hidden': 'hidden',
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(renderer, name), text);
  // Outside the renderer folder: what traversal attempts aim at.
  await writeFile(join(workDir, 'secret.txt'), 'secret');
  await mkdir(join(workDir, 'outside'));
  await writeFile(join(workDir, 'outside', 'secret.txt'), 'secret');
  await symlink(join(workDir, 'secret.txt'), join(renderer, 'escape.txt'));
  await symlink(join(workDir, 'outside'), join(renderer, 'linked'));
  await symlink(join(renderer, 'assets', 'app.js'), join(renderer, 'alias.js'));

  const onInternalError = (method: string) => void internalErrors.push(method);
  host = await startBrowserHost({ handlers: fakeHandlers, feed: testFeed, rendererDir: renderer, port: 0, onInternalError });
  smallHost = await startBrowserHost({ handlers: fakeHandlers, feed: testFeed, rendererDir: renderer, port: 0, maxBodyBytes: 1024 });
});

afterAll(async () => {
  await Promise.all([host?.close(), smallHost?.close()]);
  await rm(workDir, { recursive: true, force: true });
});

const auth = () => ({ authorization: `Bearer ${host.token}` });
const json = { 'content-type': 'application/json' };

function callApi(method: string, body = '{}', headers: Record<string, string> = { ...auth(), ...json }) {
  return rawRequest({ port: host.port, method: 'POST', path: `/api/${method}`, headers, body });
}

function errorOf(response: RawResponse): { code: string; message: string } {
  const body = response.json() as { ok: boolean; error: { code: string; message: string } };
  expect(body.ok).toBe(false);
  return body.error;
}

describe('startBrowserHost', () => {
  it('prints an address on 127.0.0.1 with a 64-hex-digit token in the fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}$/);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
  });

  it('makes a new token at every launch', () => {
    expect(smallHost.token).not.toBe(host.token);
  });

  it('refuses to start without a built renderer folder', async () => {
    await expect(
      startBrowserHost({ handlers: fakeHandlers, feed: testFeed, rendererDir: join(workDir, 'no-such-folder'), port: 0 }),
    ).rejects.toThrow(/ENOENT/);
  });
});

describe('Host and Origin guard (DNS rebinding, other sites)', () => {
  const cases: { name: string; headers: (port: number) => Record<string, string>; status: number }[] = [
    { name: 'Host 127.0.0.1:<port>', headers: (p) => ({ host: `127.0.0.1:${p}` }), status: 200 },
    { name: 'Host localhost:<port>', headers: (p) => ({ host: `localhost:${p}` }), status: 200 },
    { name: 'Host in capitals', headers: (p) => ({ host: `LOCALHOST:${p}` }), status: 200 },
    { name: 'a foreign Host', headers: (p) => ({ host: `evil.example:${p}` }), status: 403 },
    { name: 'Host without the port', headers: () => ({ host: '127.0.0.1' }), status: 403 },
    { name: 'Host on another port', headers: (p) => ({ host: `127.0.0.1:${p + 1}` }), status: 403 },
    { name: 'a rebinding name resolving to us', headers: (p) => ({ host: `127.0.0.1.nip.io:${p}` }), status: 403 },
    { name: 'Origin of this server', headers: (p) => ({ origin: `http://127.0.0.1:${p}` }), status: 200 },
    { name: 'Origin localhost', headers: (p) => ({ origin: `http://localhost:${p}` }), status: 200 },
    { name: 'a foreign Origin', headers: () => ({ origin: 'http://evil.example' }), status: 403 },
    { name: 'Origin null (sandboxed frame, file:)', headers: () => ({ origin: 'null' }), status: 403 },
    { name: 'Origin over https', headers: (p) => ({ origin: `https://127.0.0.1:${p}` }), status: 403 },
    { name: 'Origin on another port', headers: (p) => ({ origin: `http://127.0.0.1:${p + 1}` }), status: 403 },
  ];

  for (const { name, headers, status } of cases) {
    it(`answers ${status} to a page request with ${name}`, async () => {
      const response = await rawRequest({ port: host.port, path: '/', headers: headers(host.port) });
      expect(response.status).toBe(status);
      if (status === 403) expect(errorOf(response).message).toMatch(/refused|answers only/);
    });

    it(`answers ${status} to an API call with ${name}`, async () => {
      const response = await callApi('getNotebookStatus', '{}', { ...auth(), ...json, ...headers(host.port) });
      expect(response.status).toBe(status);
    });
  }
});

describe('the token', () => {
  const cases: { name: string; authorization: (token: string) => string | undefined; status: number }[] = [
    { name: 'no Authorization header', authorization: () => undefined, status: 401 },
    { name: 'an empty bearer', authorization: () => 'Bearer ', status: 401 },
    { name: 'a wrong token', authorization: () => 'Bearer wrong', status: 401 },
    { name: 'one digit changed', authorization: (t) => `Bearer ${t.slice(0, -1)}${t.endsWith('0') ? '1' : '0'}`, status: 401 },
    { name: 'one digit more', authorization: (t) => `Bearer ${t}0`, status: 401 },
    { name: 'the token under another scheme', authorization: (t) => `Basic ${t}`, status: 401 },
    { name: 'the token without a scheme', authorization: (t) => t, status: 401 },
    { name: 'the right token', authorization: (t) => `Bearer ${t}`, status: 200 },
    { name: 'the right token, scheme in lower case', authorization: (t) => `bearer ${t}`, status: 200 },
  ];

  for (const { name, authorization, status } of cases) {
    it(`answers ${status} with ${name}`, async () => {
      const value = authorization(host.token);
      const response = await callApi('getNotebookStatus', '{}', { ...json, ...(value !== undefined ? { authorization: value } : {}) });
      expect(response.status).toBe(status);
      if (status === 401) expect(errorOf(response)).toEqual({ code: 'unavailable', message: expect.stringMatching(/token/) });
      else expect(response.json()).toEqual({ ok: true, value: { location: '/fake/notebook', quarantined: [], damagedFiles: [] } });
    });
  }
});

describe('POST /api/<method>', () => {
  const cases: { name: string; send: () => Promise<RawResponse>; status: number; check?: (r: RawResponse) => void }[] = [
    {
      name: 'a call with its argument',
      send: () => callApi('importArticle', JSON.stringify({ format: 'text', content: 'Some text', title: 'Pasted' })),
      status: 200,
      check: (r) => expect(r.json()).toMatchObject({ ok: true, value: { title: 'Pasted' } }),
    },
    {
      name: 'an empty body (no argument)',
      send: () => callApi('listArticles', ''),
      status: 200,
      check: (r) => expect(r.json()).toMatchObject({ ok: true }),
    },
    {
      name: 'JSON with a charset',
      send: () => callApi('listArticles', '{}', { ...auth(), 'content-type': 'application/json; charset=utf-8' }),
      status: 200,
    },
    {
      name: 'a body that is not JSON',
      send: () => callApi('listArticles', '{"a":'),
      status: 400,
      check: (r) =>
        expect(r.json()).toEqual({ ok: false, error: { code: 'invalid_argument', message: 'The request body is not valid JSON.' } }),
    },
    {
      name: 'a wrong argument: the message names the field',
      send: () => callApi('importArticle', JSON.stringify({ format: 'docx', content: 'x' })),
      status: 200,
      check: (r) => expect(errorOf(r)).toEqual({ code: 'invalid_argument', message: expect.stringContaining('format') }),
    },
    {
      name: 'an unknown field',
      send: () => callApi('listArticles', JSON.stringify({ colour: 'red' })),
      status: 200,
      check: (r) => expect(errorOf(r).message).toContain('"colour"'),
    },
    {
      name: 'a failure the service expected',
      send: () => callApi('getArticle', JSON.stringify({ id: 'art_0123456789' })),
      status: 200,
      check: (r) => expect(errorOf(r)).toEqual({ code: 'not_found', message: 'That article is no longer in the notebook.' }),
    },
    {
      name: 'a bug in a service',
      send: () => callApi('deleteArticle', JSON.stringify({ id: 'art_0123456789' })),
      status: 200,
      check: (r) => {
        expect(errorOf(r).code).toBe('internal');
        expect(internalErrors).toContain('deleteArticle');
      },
    },
    {
      name: 'a call that does not exist',
      send: () => callApi('dropEverything'),
      status: 404,
      check: (r) => expect(errorOf(r)).toEqual({ code: 'not_found', message: 'There is no call named "dropEverything".' }),
    },
    { name: 'the bare /api path', send: () => rawRequest({ port: host.port, path: '/api', method: 'POST', headers: { ...auth(), ...json } }), status: 404 },
    { name: 'a prototype key as method', send: () => callApi('__proto__'), status: 404 },
    { name: 'a body sent as text/plain', send: () => callApi('listArticles', '{}', { ...auth(), 'content-type': 'text/plain' }), status: 415 },
    { name: 'a body without Content-Type', send: () => callApi('listArticles', '{}', auth()), status: 415 },
    { name: 'a form post', send: () => callApi('listArticles', 'a=1', { ...auth(), 'content-type': 'application/x-www-form-urlencoded' }), status: 415 },
    {
      name: 'GET on a call',
      send: () => rawRequest({ port: host.port, path: '/api/listArticles', headers: auth() }),
      status: 405,
      check: (r) => expect(r.headers.allow).toBe('POST'),
    },
    { name: 'PUT on a call', send: () => rawRequest({ port: host.port, path: '/api/listArticles', method: 'PUT', headers: auth() }), status: 405 },
    {
      name: 'a declared length over 64 MiB',
      send: () => callApi('importArticle', '{}', { ...auth(), ...json, 'content-length': String(64 * 1024 * 1024 + 1) }),
      status: 413,
      check: (r) => expect(errorOf(r).message).toBe('The request is larger than 64 MiB, the most Marginalia accepts in one call.'),
    },
  ];

  for (const { name, send, status, check } of cases) {
    it(`answers ${status} to ${name}`, async () => {
      const response = await send();
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      check?.(response);
    });
  }

  const limitCases: { name: string; body: string; status: number }[] = [
    { name: 'exactly at the limit', body: '{}'.padEnd(1024, ' '), status: 200 },
    { name: 'one byte over the limit', body: '{}'.padEnd(1025, ' '), status: 413 },
    { name: 'far over the limit', body: '{}'.padEnd(200_000, ' '), status: 413 },
  ];
  for (const { name, body, status } of limitCases) {
    it(`answers ${status} to a chunked body ${name}`, async () => {
      const response = await rawRequest({
        port: smallHost.port,
        path: '/api/listArticles',
        method: 'POST',
        headers: { authorization: `Bearer ${smallHost.token}`, ...json },
        body,
        chunked: true,
      });
      expect(response.status).toBe(status);
      if (status === 413) expect(errorOf(response).message).toMatch(/larger than 1,024 bytes/);
    });
  }
});

describe('static files', () => {
  const types: [path: string, contentType: string][] = [
    ['/', 'text/html; charset=utf-8'],
    ['/index.html', 'text/html; charset=utf-8'],
    ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/pdf.worker.mjs', 'text/javascript; charset=utf-8'],
    ['/assets/style.css', 'text/css; charset=utf-8'],
    ['/assets/literata.woff2', 'font/woff2'],
    ['/assets/inter.woff', 'font/woff'],
    ['/assets/icon.svg', 'image/svg+xml'],
    ['/assets/logo.png', 'image/png'],
    ['/assets/data.json', 'application/json; charset=utf-8'],
    ['/alias.js', 'text/javascript; charset=utf-8'],
    ['/assets/app.js?v=1', 'text/javascript; charset=utf-8'],
  ];

  for (const [path, contentType] of types) {
    it(`serves ${path} as ${contentType}`, async () => {
      const response = await rawRequest({ port: host.port, path });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe(contentType);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    });
  }

  it('sends the security headers and never caches the page', async () => {
    const response = await rawRequest({ port: host.port, path: '/' });
    expect(response.text).toBe(INDEX_HTML);
    expect(response.headers).toMatchObject({
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'cache-control': 'no-store',
    });
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await rawRequest({ port: host.port, path: '/assets/app.js', method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers['content-length']).toBe(String('console.log("app")'.length));
    expect(response.text).toBe('');
  });

  it('refuses to write files (405)', async () => {
    const response = await rawRequest({ port: host.port, path: '/index.html', method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD');
  });

  const outside = [
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/../../secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    `/${encodeURIComponent(join(tmpdir(), 'secret.txt'))}`,
    '/%00index.html',
    '/index.html%00',
    '/index.html%00.png',
    '/%zz',
    '/escape.txt',
    '/linked/secret.txt',
    '/.hidden',
    '/assets',
    '/assets/',
    '/missing.js',
    'http://127.0.0.1/index.html',
  ];

  for (const path of outside) {
    it(`answers 404 to ${path}`, async () => {
      const response = await rawRequest({ port: host.port, path });
      expect(response.status).toBe(404);
      expect(response.text).not.toContain('secret');
      expect(errorOf(response).code).toBe('not_found');
    });
  }
});

describe('the change feed (Server-Sent Events)', () => {
  const change: NotebookChange = { seq: 7, label: 'Highlight', articles: [{ id: 'art_0123456789', listing: null, body: true, highlights: true, conflictRevs: [] }], claims: [], notes: [], history: { undo: { label: 'Highlight' }, redo: null } };

  /** Opens the stream and collects what arrives until `until` holds. */
  function readFeed(headers: Record<string, string>, until: (text: string) => boolean): Promise<{ status: number; type: string | undefined; text: string }> {
    return new Promise((resolve, reject) => {
      const req = get({ host: '127.0.0.1', port: host.port, path: FEED_PATH, headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res: IncomingMessage) => {
        let text = '';
        const done = () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], text });
        };
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes(': connected')) for (const listener of feedListeners) listener(change);
          if (until(text)) done();
        });
        res.on('end', done);
      });
      req.on('error', reject);
    });
  }

  it('streams each change to a page that shows the token, and stops when it goes', async () => {
    const answer = await readFeed(auth(), (text) => text.includes('data: '));
    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/^text\/event-stream/);
    const data = /^data: (.*)$/m.exec(answer.text)?.[1];
    expect(JSON.parse(data!)).toEqual(change);
    expect(answer.text).toContain('id: 7');
    await expect.poll(() => feedListeners.size).toBe(0);
  });

  it('refuses a request without the token, or from another site', async () => {
    expect((await readFeed({}, () => false)).status).toBe(401);
    expect((await readFeed({ ...auth(), origin: 'https://evil.example' }, () => false)).status).toBe(403);
    expect(feedListeners.size).toBe(0);
  });

  it('answers 405 to anything but GET', async () => {
    const response = await rawRequest({ port: host.port, method: 'POST', path: FEED_PATH, headers: { ...auth(), ...json }, body: '{}' });
    expect(response.status).toBe(405);
  });
});
