/**
 * Browser mode's promises to the person running it: only the page it printed can use the
 * notebook, other sites and rebinding DNS names are refused, no file outside the renderer is
 * served, and Ctrl+C stops it cleanly.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../src-main/common/content-security';
import { expect, test, type App } from './fixtures';
import { SERVE_JS } from './support/paths';
import { rawRequest } from './support/raw-http';
import type { ServeProcess } from './support/serve-process';

test.skip(({ target }) => target !== 'web', 'browser mode only: the Electron app has no HTTP server');

function serverOf(app: App): ServeProcess {
  if (!app.server) throw new Error('this spec needs the web target');
  return app.server;
}

function call(server: ServeProcess, method: string, body: unknown, headers: Record<string, string> = {}) {
  return rawRequest({
    port: server.port,
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

test('the API answers only with the launch token', async ({ app }) => {
  const server = serverOf(app);
  const without = await call(server, 'getNotebookStatus', {});
  expect(without.status).toBe(401);
  expect(without.json()).toMatchObject({ ok: false, error: { message: expect.stringContaining('token') } });

  const wrong = await call(server, 'getNotebookStatus', {}, { authorization: `Bearer ${'0'.repeat(64)}` });
  expect(wrong.status).toBe(401);

  const right = await call(server, 'getNotebookStatus', {}, { authorization: `Bearer ${server.token}` });
  expect(right.status).toBe(200);
  expect(right.json()).toMatchObject({ ok: true, value: { location: expect.stringContaining('marginalia-e2e-') } });
});

test('requests for another host name or from another site are refused', async ({ app }) => {
  const server = serverOf(app);
  const authorization = `Bearer ${server.token}`;

  const rebound = await call(server, 'listArticles', {}, { authorization, host: `evil.example:${server.port}` });
  expect(rebound.status).toBe(403);
  const reboundPage = await rawRequest({ port: server.port, path: '/', headers: { host: `evil.example:${server.port}` } });
  expect(reboundPage.status).toBe(403);

  const crossSite = await call(server, 'listArticles', {}, { authorization, origin: 'http://evil.example' });
  expect(crossSite.status).toBe(403);
  expect(crossSite.json()).toMatchObject({ ok: false, error: { message: expect.stringContaining('evil.example') } });
});

test('a bad argument answers ok:false with a message that names the field', async ({ app }) => {
  const server = serverOf(app);
  const answer = await call(server, 'importArticle', { format: 'docx', content: 'Some text' }, { authorization: `Bearer ${server.token}` });
  expect(answer.status).toBe(200);
  expect(answer.json()).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringContaining('format') } });
});

test('no file outside the renderer folder is served', async ({ app }) => {
  const server = serverOf(app);
  const attempts = [
    '/../package.json',
    '/%2e%2e/package.json',
    '/../../package.json',
    '/%2e%2e/%2e%2e/package.json',
    '/..%2f..%2fpackage.json',
    '/../main/serve.js',
    '/%2e%2e/main/serve.js',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/index.html%00.js',
  ];
  for (const path of attempts) {
    const response = await rawRequest({ port: server.port, path });
    expect.soft(response.status, path).toBe(404);
  }
});

test('the page is sent with its security headers', async ({ app }) => {
  const server = serverOf(app);
  const page = await rawRequest({ port: server.port, path: '/' });
  expect(page.status).toBe(200);
  expect(page.headers).toMatchObject({
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cache-control': 'no-store',
  });
  // The page's meta CSP and the header must agree; only the header can say frame-ancestors.
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(page.text)?.[1] ?? '';
  const directives = (policy: string) => policy.split(';').map((d) => d.trim()).filter(Boolean).sort();
  expect(directives(CONTENT_SECURITY_POLICY)).toEqual(directives(`${meta}; frame-ancestors 'none'`));

  const script = /<script[^>]+src="([^"]+\.js)"/.exec(page.text)?.[1];
  expect(script, 'index.html loads a script').toBeDefined();
  // The build links assets relative to the page ("./assets/…").
  const asset = await rawRequest({ port: server.port, path: new URL(script!, 'http://127.0.0.1/').pathname });
  expect(asset.status).toBe(200);
  expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
});

test('it prints exactly one line on stdout, and Ctrl+C stops it with exit code 0', async ({ app }) => {
  const server = serverOf(app);
  await expect(app.page.getByRole('complementary', { name: 'Library' })).toBeVisible();
  const exit = await app.stop();
  expect(exit).toEqual({ code: 0, signal: null });
  expect(server.stdout).toMatch(/^Marginalia is running at http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}\n$/);
});

test('the browser-mode build never loads electron', () => {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    expect(code, file).not.toMatch(/from\s*["']electron["']|require\(\s*["']electron["']\s*\)|import\(\s*["']electron["']\s*\)/);
    for (const [, spec] of code.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) visit(join(dirname(file), spec!));
  };
  visit(SERVE_JS);
  expect(seen.size).toBeGreaterThan(0);
});
