/**
 * Import, as a person does it: dropping several files on the window (good and bad ones at
 * once), picking files, typing a web address, pasting a web page, re-importing a changed
 * version; every imported page re-renders with no request leaving the app.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { dragSelect, marks } from './support/highlights-ui';
import { dropFiles, expectReportDone, importReport, pickFiles, reportItem } from './support/import-ui';
import { articleButton, libraryPane, readerArticle, scrollToAndOpen } from './support/library-ui';
import { REPO_ROOT } from './support/paths';

const corpus = join(REPO_ROOT, '../shared/corpus/web-pages');

const page = (title: string, paragraphs: string[], extra = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${extra}</head><body><article><h1>${title}</h1>${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join('\n')}</article></body></html>`;

const HARBOUR = page(
  'Harbour reopens after repairs',
  [
    'The harbour reopened on Monday after three weeks of repairs, officials said, and the <a href="https://example.org/ferries">ferry timetable</a> returns to normal.',
    'Dock workers said the new cranes lift <em>twice the load</em> of the old ones.',
  ],
  '<script>document.title = "hacked"</script><link rel="stylesheet" href="https://cdn.example.org/site.css">',
);
const TIDES = page('Spring tides and the sea wall', [
  'Engineers will raise the sea wall by half a metre before the spring tides.',
  'The work closes the promenade until April.',
]);

/** Every request the page makes to anywhere but the app itself. */
function watchOutsideRequests(tab: Page, appUrl: string): string[] {
  const origin = new URL(appUrl).origin;
  const outside: string[] = [];
  tab.on('request', (request) => {
    if (new URL(request.url()).origin !== origin) outside.push(request.url());
  });
  return outside;
}

test('dropping two web pages and a broken file imports the two, says why the third failed, and the pages read correctly', async ({ app }) => {
  const { page: tab } = app;
  const outside = watchOutsideRequests(tab, app.url);
  await dropFiles(tab, [
    { name: 'harbour.html', content: HARBOUR, type: 'text/html' },
    { name: 'photo.html', content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]), type: 'text/html' },
    { name: 'tides.html', content: TIDES, type: 'text/html' },
  ]);
  await expectReportDone(tab, '2 imported, 1 not imported.');
  await expect(reportItem(tab, 'harbour.html')).toContainText('Imported as “Harbour reopens after repairs”');
  await expect(reportItem(tab, 'photo.html')).toContainText('This file is not an article: it holds binary data');
  await expect(reportItem(tab, 'tides.html')).toContainText('Imported');
  await expect(articleButton(tab, 'Spring tides and the sea wall')).toBeVisible();

  await reportItem(tab, 'harbour.html').getByRole('button', { name: 'Open “Harbour reopens after repairs”' }).click();
  await expect(importReport(tab)).toBeHidden();
  const article = readerArticle(tab);
  await expect(article.getByRole('heading', { level: 1 })).toHaveText('Harbour reopens after repairs');
  await expect(article).toContainText('The harbour reopened on Monday after three weeks of repairs');
  await expect(article.locator('em')).toHaveText('twice the load');
  await expect(article.getByText('ferry timetable')).toBeVisible();
  await expect(tab).not.toHaveTitle('hacked');
  expect(outside).toEqual([]);
});

test('a 200 MB file and an empty one are refused with their reasons, and the library is unchanged', async ({ app }) => {
  const { page: tab } = app;
  const before = await app.api('listArticles', {});
  await dropFiles(tab, [
    { name: 'archive.html', content: { zeroBytes: 200_000_000 }, type: 'text/html' },
    { name: 'empty.txt', content: '', type: 'text/plain' },
    { name: 'slides.pptx', content: 'x' },
  ]);
  await expectReportDone(tab, '0 imported, 3 not imported.');
  await expect(reportItem(tab, 'archive.html')).toContainText('This file is too large: 200 MB; the limit for HTML files is 20 MB.');
  await expect(reportItem(tab, 'empty.txt')).toContainText('This file is empty.');
  await expect(reportItem(tab, 'slides.pptx')).toContainText('Marginalia cannot import this type of file');
  expect(await app.api('listArticles', {})).toEqual(before);
});

test('a right-to-left page reads right to left', async ({ app }, testInfo) => {
  const source = join(corpus, 'rtl-1/source.html');
  testInfo.skip(!existsSync(source), `${source} is absent on this machine`);
  const { page: tab } = app;
  await pickFiles(tab, [{ name: 'rtl-1.html', mimeType: 'text/html', buffer: readFileSync(source) }]);
  await expectReportDone(tab, '1 imported.');
  await tab.getByRole('button', { name: 'Done' }).click();
  const article = readerArticle(tab);
  await expect(article).toHaveAttribute('dir', 'rtl');
  expect(await article.locator('[data-block]').first().evaluate((block) => getComputedStyle(block).direction)).toBe('rtl');
});

test('every page of the web-page corpus re-renders in the reader without a single request leaving the app', async ({ app }, testInfo) => {
  testInfo.skip(!existsSync(corpus), `${corpus} is absent on this machine`);
  test.setTimeout(180_000);
  const { page: tab } = app;
  const outside = watchOutsideRequests(tab, app.url);
  const names = readdirSync(corpus).filter((name) => existsSync(join(corpus, name, 'source.html')));
  await pickFiles(
    tab,
    names.map((name) => ({ name: `${name}.html`, mimeType: 'text/html', buffer: readFileSync(join(corpus, name, 'source.html')) })),
  );
  await expectReportDone(tab, `${names.length} imported.`);
  await tab.getByRole('button', { name: 'Done' }).click();
  for (const name of names) {
    const { title } = JSON.parse(readFileSync(join(corpus, name, 'expected-metadata.json'), 'utf8')) as { title?: string | null };
    if (!title) continue;
    const clean = title.replace(/\s+/g, ' ').trim();
    await scrollToAndOpen(tab, clean);
    const article = readerArticle(tab);
    await expect(article.getByRole('heading', { level: 1 })).toHaveText(clean);
    await expect(article.locator('[data-block]').first()).toBeVisible();
    await expect(article.locator('script, img, iframe, object, embed, link, style, form')).toHaveCount(0);
  }
  await tab.evaluate(() => document.fonts.ready.then(() => undefined));
  expect(outside).toEqual([]);
});

test('importing from a web address downloads the page in the app, and an unreachable address gets a clear message', async ({ app }) => {
  const server: Server = createServer((req, res) => {
    if (req.url === '/harbour') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(HARBOUR);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const address = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const { page: tab } = app;
    const fromAddress = async (url: string) => {
      await libraryPane(tab).getByRole('button', { name: 'From a web address…' }).click();
      const dialog = tab.getByRole('dialog', { name: 'Import from a web address' });
      await dialog.getByRole('textbox', { name: 'Web address' }).fill(url);
      await dialog.getByRole('button', { name: 'Import' }).click();
      await expect(dialog).toBeHidden();
    };

    await fromAddress(`${address}/harbour`);
    // One page: once imported it opens in the reader.
    await expect(readerArticle(tab).getByRole('heading', { level: 1 })).toHaveText('Harbour reopens after repairs');
    await tab.getByRole('button', { name: 'Done' }).click();

    server.closeAllConnections();
    await new Promise((closed) => server.close(closed));
    await fromAddress(`${address}/tides`);
    await expectReportDone(tab, '0 imported, 1 not imported.');
    await expect(reportItem(tab, `${address}/tides`)).toContainText('Could not reach 127.0.0.1');
    await expect(reportItem(tab, `${address}/tides`)).toContainText('the computer seems to be offline or the site is down.');
  } finally {
    server.close();
  }
});

test('re-importing a changed version replaces the text in place and keeps its highlight', async ({ app }) => {
  const { page: tab } = app;
  await pickFiles(tab, [{ name: 'harbour.html', mimeType: 'text/html', buffer: Buffer.from(HARBOUR) }]);
  await expectReportDone(tab, '1 imported.');
  await tab.getByRole('button', { name: 'Done' }).click();
  await dragSelect(tab, 'new cranes lift');
  await tab.keyboard.press('h');
  await expect(marks(tab)).toHaveText(['new cranes lift']);

  const changed = HARBOUR.replace('<h1>Harbour reopens after repairs</h1>', '<h1>Harbour reopens after repairs</h1><p>Updated on Tuesday with the mayor’s comments.</p>');
  await pickFiles(tab, [{ name: 'harbour.html', mimeType: 'text/html', buffer: Buffer.from(changed) }]);
  const question = importReport(tab).getByRole('group', { name: /already in your library/ });
  await expect(question).toContainText('harbour.html: a version of “Harbour reopens after repairs” is already in your library. Replace its text and keep its 1 highlight?');
  await question.getByRole('button', { name: 'Replace' }).click();
  await expectReportDone(tab, '1 imported.');
  await expect(reportItem(tab, 'harbour.html')).toContainText('Replaced the text, kept the highlights');
  await tab.getByRole('button', { name: 'Done' }).click();

  await expect(libraryPane(tab).getByRole('button', { name: /Harbour reopens after repairs/ })).toHaveCount(1);
  await expect(readerArticle(tab)).toContainText('Updated on Tuesday with the mayor’s comments.');
  await expect(marks(tab)).toHaveText(['new cranes lift']);
});

test('a web page pasted into New article keeps its structure and loses its script', async ({ app }) => {
  const { page: tab } = app;
  await tab.getByRole('button', { name: 'New article' }).click();
  const dialog = tab.getByRole('dialog', { name: 'New article' });
  const text = dialog.getByRole('textbox', { name: 'Article text' });
  await text.click();
  const html = '<meta charset="utf-8"><h2>Ferry timetable</h2><ul><li>Morning crossing at seven</li><li>Evening crossing at six</li></ul><p onclick="alert(1)">Tickets are sold <a href="javascript:alert(2)">at the quay</a>.</p><script>alert(3)</script>';
  const transfer = await tab.evaluateHandle((markup) => {
    const data = new DataTransfer();
    data.setData('text/html', markup);
    data.setData('text/plain', 'Ferry timetable\nMorning crossing at seven\nEvening crossing at six\nTickets are sold at the quay.');
    return data;
  }, html);
  // A paste as the browser delivers it: a ClipboardEvent carrying the page's HTML and its plain text.
  await text.evaluate((field, data) => {
    field.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, transfer);
  await expect(dialog.getByRole('radio', { name: 'Web page (as pasted)' })).toBeChecked();
  await expect(text).toHaveValue(/Morning crossing at seven/);
  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('Ferries');
  await dialog.getByRole('button', { name: 'Add to library' }).click();
  await expect(dialog).toBeHidden();
  const article = readerArticle(tab);
  await expect(article.getByRole('heading', { name: 'Ferry timetable' })).toBeVisible();
  await expect(article.getByRole('listitem')).toHaveText(['Morning crossing at seven', 'Evening crossing at six']);
  await expect(article).toContainText('Tickets are sold at the quay.');
  await expect(article.locator('a')).toHaveCount(0);
});
