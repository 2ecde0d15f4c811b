/**
 * Import from a web address, against a real HTTP server on 127.0.0.1: pages, PDFs, redirects,
 * and every way a download goes wrong (slow, too large, not found, nobody listening, not a page,
 * redirected somewhere that is not a web page).
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valueOf } from '../../../test-support/in-process-api';
import { emptyNotebook } from '../test-support/import-fixture';
import { minimalPdf } from '../test-support/minimal-pdf';

const PAGE = `<!doctype html><html lang="fr"><head><meta charset="windows-1252"><title>Le port rouvre</title>
<meta property="og:site_name" content="La Gazette"><meta property="article:published_time" content="2026-03-02T08:00:00Z"></head>
<body><article><h1>Le port rouvre</h1><p class="byline">Par Jeanne Martin</p>
<p>Le port a rouvert lundi apr\u00e8s trois semaines de travaux. Voir <a href="/horaires">les horaires</a> et <a href="#haut">le haut</a>.</p>
<p>Les dockers disent que les nouvelles grues soul\u00e8vent deux fois plus que les anciennes, et le port attend un trafic record.</p></article></body></html>`;

const routes: Record<string, (res: ServerResponse) => void> = {
  '/article': (res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(Buffer.from(PAGE, 'latin1'));
  },
  '/moved': (res) => {
    res.writeHead(301, { location: '/article' });
    res.end();
  },
  '/report.pdf': (res) => {
    res.writeHead(200, { 'content-type': 'application/pdf' });
    res.end(minimalPdf({ title: 'Annual report', pages: [[{ text: 'Revenue rose by a tenth.', y: 700 }]] }));
  },
  '/slow': (res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    // Never finishes: however loaded the machine, the fetch's timeout is what ends it.
    res.write('<p>The start');
  },
  '/huge': (res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(1_000_000, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < 25 && res.write(chunk)) sent++;
      if (sent < 25) res.once('drain', pump);
      else res.end();
    };
    pump();
  },
  '/declared-huge': (res) => {
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(212_000_000) });
    res.end();
  },
  '/to-javascript': (res) => {
    res.writeHead(302, { location: 'javascript:alert(document.cookie)' });
    res.end();
  },
  '/to-file': (res) => {
    res.writeHead(301, { location: 'file:///etc/passwd' });
    res.end();
  },
  '/via-moved-to-data': (res) => {
    res.writeHead(307, { location: '/to-data' });
    res.end();
  },
  '/to-data': (res) => {
    res.writeHead(308, { location: 'data:text/html,<p>Hello</p>' });
    res.end();
  },
  '/loop': (res) => {
    res.writeHead(302, { location: '/loop' });
    res.end();
  },
  '/image': (res) => {
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  },
};

let server: Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const route = routes[req.url ?? ''];
    if (route) route(res);
    else {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not found</h1>');
    }
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((closed) => server.close(closed));
});

describe('importUrl', () => {
  it('imports a page through the HTML pipeline: charset from the page, metadata, links made absolute, source and URL kept', async () => {
    const { api, notebook } = await emptyNotebook();
    const meta = await valueOf(api.importUrl({ url: `${base}/moved` }));
    expect(meta).toMatchObject({ title: 'Le port rouvre', lang: 'fr', siteName: 'La Gazette', publishedAt: '2026-03-02', url: `${base}/article`, source: `${base}/article`, format: 'html' });
    const article = await valueOf(api.getArticle({ id: meta.id }));
    expect(article.text).toContain('Le port a rouvert lundi après trois semaines de travaux.');
    expect(article.original).toContain(`<a href="${base}/horaires">les horaires</a>`);
    await notebook.close();
  });

  it('imports a PDF by its address', async () => {
    const { api, notebook } = await emptyNotebook();
    const meta = await valueOf(api.importUrl({ url: `${base}/report.pdf` }));
    expect(meta).toMatchObject({ title: 'Annual report', format: 'pdf', url: `${base}/report.pdf` });
    await notebook.close();
  });

  const FAILURES: [string, () => string, RegExp][] = [
    ['a page slower than the timeout', () => `${base}/slow`, /127\.0\.0\.1:\d+ did not send the page within 1 second;/],
    ['a page that streams past the HTML limit', () => `${base}/huge`, /This page is too large: more than 20 MB; the limit for HTML files is 20 MB\./],
    ['a PDF that declares 212 MB', () => `${base}/declared-huge`, /This page is too large: 212 MB; the limit for PDF files is 40 MB\./],
    ['a missing page', () => `${base}/nowhere`, /answered “404 Not Found”/],
    ['an image', () => `${base}/image`, /not a web page or a PDF \(it sends image\/png\)/],
    ['a port nobody listens on', () => 'http://127.0.0.1:9/article', /Could not reach 127\.0\.0\.1:9: the computer seems to be offline or the site is down\./],
    ['a host that does not resolve', () => 'http://marginalia-test.invalid/article', /Could not reach marginalia-test\.invalid: the computer seems to be offline/],
    ['a redirect to javascript:', () => `${base}/to-javascript`, /^127\.0\.0\.1:\d+ redirects to a “javascript:” address \(javascript:alert\(document\.cookie\)\), which Marginalia does not open: only web pages \(http and https\) can be imported\.$/],
    ['a redirect to file:', () => `${base}/to-file`, /redirects to a “file:” address \(file:\/\/\/etc\/passwd\), which Marginalia does not open/],
    ['a redirect to data: after a first redirect', () => `${base}/via-moved-to-data`, /redirects to a “data:” address/],
    ['a redirect loop', () => `${base}/loop`, /redirects more than 20 times without reaching a page/],
  ];
  it.each(FAILURES)('refuses %s with a clear message and changes nothing', async (name, url, message) => {
    // Only the slow page is meant to meet the timeout: the others get one no busy machine reaches.
    const { api, notebook, snapshot } = await emptyNotebook({ fetch: { timeoutMs: name === FAILURES[0]![0] ? 1000 : 60_000 } });
    const before = await snapshot();
    const answer = await api.importUrl({ url: url() });
    expect(answer).toEqual({ ok: false, error: { code: expect.any(String), message: expect.stringMatching(message) } });
    expect(await snapshot()).toEqual(before);
    await notebook.close();
  });
});
