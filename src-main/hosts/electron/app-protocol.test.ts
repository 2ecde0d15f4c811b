/**
 * The desktop app's page and its files come from app://marginalia/, served from the built
 * renderer folder and nothing else. The handler is what `protocol.handle('app', …)` runs; it
 * speaks the fetch API's Request and Response, so it runs here on a real folder without an
 * Electron binary.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../common/content-security';
import { APP_ORIGIN, APP_PAGE_URL, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';

const PAGE = '<!doctype html><script type="module" crossorigin src="./assets/index-BVsHbhI3.js"></script>';

let work = '';
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'marginalia-app-protocol-'));
  const renderer = join(work, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  // The kinds of file the build writes (see out/renderer), and a few it might.
  const files: Record<string, string> = {
    'index.html': PAGE,
    'assets/index-BVsHbhI3.js': 'console.log("app")',
    'assets/index-D2EHSw2T.css': 'body{}',
    'assets/inter-latin-400-normal-C38fXH4l.woff2': 'wOF2',
    'assets/inter-latin-400-normal-CyCys3Eg.woff': 'wOFF',
    'assets/pdf.worker.min.mjs': 'export {}',
    'assets/icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'assets/logo.png': 'PNG',
    'assets/Literata Italic.woff2': 'wOF2',
    'assets/data.bin': 'bytes',
    '.hidden': 'hidden',
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(renderer, name), text);
  // What traversal aims at: a secret beside the renderer, and a notebook.
  await writeFile(join(work, 'secret.txt'), 'secret beside the renderer');
  await mkdir(join(work, 'notebook'));
  await writeFile(join(work, 'notebook', 'notebook.json'), '{"secret":"the notebook"}');
  await symlink(join(work, 'secret.txt'), join(renderer, 'escape.txt'));
  await symlink(join(work, 'notebook'), join(renderer, 'linked'));
  await symlink(join(renderer, 'assets', 'index-BVsHbhI3.js'), join(renderer, 'alias.js'));
  handle = await createAppProtocolHandler(renderer);
});

afterAll(() => rm(work, { recursive: true, force: true }));

const get = (url: string, init?: RequestInit) => handle(new Request(url, init));

describe('the app scheme', () => {
  it('is standard and secure, and grants no CORS, CSP bypass or service workers', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } });
  });

  it('names the page app://marginalia/index.html', () => {
    expect([APP_ORIGIN, APP_PAGE_URL]).toEqual(['app://marginalia', 'app://marginalia/index.html']);
  });
});

describe('app://marginalia/ serves the renderer folder', () => {
  const types: [path: string, type: string, body: string][] = [
    ['/', 'text/html; charset=utf-8', PAGE],
    ['/index.html', 'text/html; charset=utf-8', PAGE],
    ['/index.html#token', 'text/html; charset=utf-8', PAGE],
    ['/assets/index-BVsHbhI3.js', 'text/javascript; charset=utf-8', 'console.log("app")'],
    ['/assets/index-BVsHbhI3.js?v=2', 'text/javascript; charset=utf-8', 'console.log("app")'],
    ['/assets/index-D2EHSw2T.css', 'text/css; charset=utf-8', 'body{}'],
    ['/assets/inter-latin-400-normal-C38fXH4l.woff2', 'font/woff2', 'wOF2'],
    ['/assets/inter-latin-400-normal-CyCys3Eg.woff', 'font/woff', 'wOFF'],
    ['/assets/pdf.worker.min.mjs', 'text/javascript; charset=utf-8', 'export {}'],
    ['/assets/icon.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
    ['/assets/logo.png', 'image/png', 'PNG'],
    ['/assets/Literata%20Italic.woff2', 'font/woff2', 'wOF2'],
    ['/assets/data.bin', 'application/octet-stream', 'bytes'],
    ['/alias.js', 'text/javascript; charset=utf-8', 'console.log("app")'],
  ];
  for (const [path, type, body] of types) {
    it(`serves ${path} as ${type}, with the CSP and no sniffing`, async () => {
      const response = await get(`app://marginalia${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(await response.text()).toBe(body);
    });
  }

  it('answers HEAD with the headers and no body', async () => {
    const response = await get('app://marginalia/assets/index-BVsHbhI3.js', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String('console.log("app")'.length));
    expect(await response.text()).toBe('');
  });

  it.each(['POST', 'PUT', 'DELETE'])('refuses %s (405)', async (method) => {
    const response = await get('app://marginalia/index.html', { method, body: method === 'DELETE' ? null : 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('app://marginalia/ serves nothing outside the renderer folder', () => {
  const refused = [
    // Chromium and the URL parser resolve plain and %2e dot segments before the handler runs;
    // these reach it as they would from a page.
    'app://marginalia/../secret.txt',
    'app://marginalia/%2e%2e/secret.txt',
    'app://marginalia/..%2fsecret.txt',
    'app://marginalia/%2e%2e%2fsecret.txt',
    'app://marginalia/..%2f..%2fetc%2fpasswd',
    'app://marginalia/assets/..%2f..%2fnotebook%2fnotebook.json',
    'app://marginalia/%252e%252e/secret.txt',
    'app://marginalia/..%5csecret.txt',
    'app://marginalia/..%5c..%5cnotebook%5cnotebook.json',
    'app://marginalia/%c0%ae%c0%ae/secret.txt',
    'app://marginalia/%EF%BC%8E%EF%BC%8E/secret.txt',
    'app://marginalia/%2fetc%2fpasswd',
    'app://marginalia//etc/passwd',
    `app://marginalia/${encodeURIComponent(join(tmpdir(), 'secret.txt'))}`,
    'app://marginalia/index.html%00.js',
    'app://marginalia/%00',
    'app://marginalia/%zz',
    'app://marginalia/escape.txt',
    'app://marginalia/linked/notebook.json',
    'app://marginalia/.hidden',
    'app://marginalia/assets',
    'app://marginalia/assets/',
    'app://marginalia/missing.js',
    // Another host of the scheme is not the app.
    'app://evil/index.html',
    'app://marginalia.evil/index.html',
    'app://localhost/index.html',
    'app:///index.html',
  ];
  for (const url of refused) {
    it(`answers 404 to ${url}`, async () => {
      const response = await get(url);
      expect(response.status).toBe(404);
      const text = await response.text();
      expect(text).not.toMatch(/secret|notebook"|root:/);
      expect(text).toBe('There is no such file in Marginalia.');
    });
  }
});

describe('createAppProtocolHandler', () => {
  it('refuses to start without a built renderer folder', async () => {
    await expect(createAppProtocolHandler(join(work, 'no-such-folder'))).rejects.toThrow(/ENOENT/);
  });
});
