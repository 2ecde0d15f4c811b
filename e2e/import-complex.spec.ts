/**
 * Pages no article reader would write, dropped on the window as a person would: a long table is
 * imported whole and the report says why reader mode was skipped; a page nested 20,000 divs deep
 * is imported with its words; a page of 550,000 elements is refused with what to do.
 */
import { expect, test } from './fixtures';
import { dropFiles, expectReportDone, reportItem } from './support/import-ui';
import { readerArticle } from './support/library-ui';

const table = (title: string, cells: number) =>
  `<!doctype html><html><head><title>${title}</title></head><body><nav>Home · Sections · Sign in</nav><main><h1>${title}</h1><table>${Array.from(
    { length: cells / 10 },
    (_, row) => `<tr>${Array.from({ length: 10 }, (_, col) => `<td>${row * 10 + col}</td>`).join('')}</tr>`,
  ).join('')}</table></main></body></html>`;
const NESTED = `<!doctype html><html><head><title>Nested</title></head><body>${'<div>'.repeat(20_000)}The harbour reopened on Monday after three weeks of repairs.${'</div>'.repeat(20_000)}</body></html>`;

test('a long table, a deeply nested page and a page too large to read: two imported with a notice, one refused with what to do', async ({ app }) => {
  const { page: tab } = app;
  await dropFiles(tab, [
    { name: 'tides.html', content: table('Tide tables for the year', 20_000), type: 'text/html' },
    { name: 'nested.html', content: NESTED, type: 'text/html' },
    { name: 'census.html', content: table('Census', 500_000), type: 'text/html' },
  ]);
  await expectReportDone(tab, '2 imported, 1 not imported.');
  await expect(reportItem(tab, 'tides.html')).toContainText('Imported as “Tide tables for the year”');
  await expect(reportItem(tab, 'tides.html')).toContainText(
    'The page was kept as it is, without reader mode: it has 22,008 elements, and reader mode reads pages of up to 12,000.',
  );
  await expect(reportItem(tab, 'nested.html')).toContainText('Elements nested more than 256 deep were flattened; their words are kept.');
  await expect(reportItem(tab, 'census.html')).toContainText(
    'This page is too complex to import: it has 550,008 elements, and Marginalia reads pages of up to 100,000. To keep part of it, select that part in your browser, copy it and paste it into New article; or print the page to PDF and import the PDF.',
  );

  await reportItem(tab, 'tides.html').getByRole('button', { name: 'Open “Tide tables for the year”' }).click();
  const article = readerArticle(tab);
  // The page's <main>: its heading and table, not its navigation.
  await expect(article.getByRole('heading', { name: 'Tide tables for the year' })).toBeVisible();
  await expect(article.getByRole('cell', { name: '19999', exact: true })).toBeAttached();
  await expect(article).not.toContainText('Sign in');
});
