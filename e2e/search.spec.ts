/**
 * Search as a person uses it: Ctrl+K (or /), type words, see them in context grouped by kind,
 * press Enter, and land on the exact words in the reader — scrolled into view and flashed.
 */
import { mkdirSync } from 'node:fs';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { addArticle, openArticle, reader } from './support/library-ui';

const searchDialog = (page: Page): Locator => page.getByRole('dialog', { name: 'Search' });
const searchBox = (page: Page): Locator => searchDialog(page).getByRole('searchbox', { name: 'Search the notebook' });
const group = (page: Page, name: string): Locator => searchDialog(page).getByRole('group', { name });
const foundWords = (page: Page): Locator => reader(page).locator('mark[data-found-passage]');

/** Where screenshots go: SEARCH_SHOTS_DIR to look at them, else the test's output folder. */
function shotsDir(testInfo: TestInfo): string {
  const dir = process.env.SEARCH_SHOTS_DIR ?? testInfo.outputPath('screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function search(page: Page, words: string): Promise<void> {
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+K');
  await expect(searchDialog(page)).toBeVisible();
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type(words);
}

test('type a phrase from the sample article, press Enter: the reader shows the words, scrolled into view and flashed', async ({ app }, testInfo) => {
  const { page } = app;
  await search(page, 'entire international community');
  const articles = group(page, 'Articles');
  const hit = articles.getByRole('option').first();
  await expect(hit).toContainText('Japan');
  await expect(hit.locator('mark')).toHaveText(['entire', 'international', 'community']);
  await expect(hit).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('Enter');
  await expect(searchDialog(page)).toBeHidden();
  await expect(foundWords(page)).toHaveText('entire international community');
  await expect(foundWords(page)).toBeInViewport();
  await expect(foundWords(page)).toHaveClass(/found-flash/);
  await page.screenshot({ path: `${shotsDir(testInfo)}/search-found-flash.png` });
  // The flash ends; the words stay ringed so the eye finds them again.
  await expect(foundWords(page)).not.toHaveClass(/found-flash/);
});

test('a phrase deep in a long article: Enter opens it and scrolls the reader down to the words', async ({ app }) => {
  const { page } = app;
  const filler = Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1} describes the harbour, the tides and the boats in plain words.`).join('\n\n');
  await addArticle(page, { title: 'Harbour log', format: 'Plain text', text: `${filler}\n\nAt dusk the lighthouse keeper counted seven herons on the breakwater.` });
  await reader(page).evaluate((pane) => pane.scrollTo({ top: 0 }));

  await search(page, '"seven herons"');
  await expect(group(page, 'Articles').getByRole('option')).toHaveCount(1);
  await expect(group(page, 'Articles').getByRole('option')).toContainText('Harbour log');
  await page.keyboard.press('Enter');
  await expect(foundWords(page)).toHaveText('seven herons');
  await expect(foundWords(page)).toBeInViewport();
  expect(await reader(page).evaluate((pane) => pane.scrollTop)).toBeGreaterThan(500);
});

test('search finds a highlight by its comment; Enter goes to the highlight and flashes it', async ({ app }, testInfo) => {
  const { page } = app;
  const [meta] = await app.api('listArticles', {}).then((a) => (a.ok ? a.value : []));
  const article = await app.api('getArticle', { id: meta!.id });
  if (!article.ok) throw new Error(article.error.message);
  const text = article.value.text;
  const quote = 'upgrading the command and control';
  const at = text.indexOf(quote);
  const made = await app.api('createAnnotation', {
    articleId: meta!.id,
    target: { quote: { exact: quote, prefix: text.slice(Math.max(0, at - 32), at), suffix: text.slice(at + quote.length, at + quote.length + 32) }, position: { start: at, end: at + quote.length } },
    comment: 'Compare with the budget tables of the defence ministry.',
    color: 'green',
  });
  if (!made.ok) throw new Error(made.error.message);

  await search(page, 'budget tab');
  const highlights = group(page, 'Highlights');
  await expect(highlights.getByRole('option')).toHaveCount(1);
  await expect(highlights.getByRole('option').locator('mark')).toHaveText(['budget', 'tables']);
  await expect(highlights.getByRole('option')).toContainText('upgrading the command and control');
  await expect(highlights.getByRole('option')).toContainText('Comment: Compare with the budget tables of the defence ministry.');
  await expect(highlights.getByRole('option')).toContainText('Evidence');
  await page.screenshot({ path: `${shotsDir(testInfo)}/search-highlight-result.png` });
  await page.keyboard.press('Enter');
  const mark = reader(page).locator(`mark[data-annotation-id="${made.value.id}"]`);
  await expect(mark).toHaveText(quote);
  await expect(mark).toHaveClass(/hl-selected/);
  await expect(mark).toBeInViewport();
});

test('/ opens search; filters narrow the results; nothing found says so — light and dark screenshots', async ({ app }, testInfo) => {
  const { page } = app;
  const shots = shotsDir(testInfo);
  await openArticle(page, 'Japan', 'Kamikawa');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();
  await expect(searchDialog(page).getByRole('status')).toContainText('Type to search');
  await page.keyboard.type('japan secur');
  await expect(group(page, 'Articles').getByRole('option')).toHaveCount(1);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${shots}/search-results-${scheme}.png` });
  }

  await searchDialog(page).getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Highlights' });
  await expect(searchDialog(page).getByRole('status')).toContainText('Nothing matches “japan secur” with these filters.');
  await searchDialog(page).getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Everything' });
  await searchBox(page).fill('zanzibar okapi');
  await expect(searchDialog(page).getByRole('status')).toContainText('Nothing matches “zanzibar okapi”.');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${shots}/search-empty-${scheme}.png` });
  }
  await page.keyboard.press('Escape');
  await expect(searchDialog(page)).toBeHidden();
});

test('a note found by its words opens in the note editor; a passage found from there brings the reader back', async ({ app }) => {
  const { page } = app;
  await page.getByRole('complementary', { name: 'Library' }).getByRole('tab', { name: 'Notes' }).click();
  await page.getByRole('button', { name: 'New note' }).click();
  const note = page.getByRole('main', { name: 'Note' });
  await note.getByRole('textbox', { name: 'Note title' }).fill('Basing questions');
  await note.getByRole('textbox', { name: 'Note text' }).click();
  await page.keyboard.type('Who pays for the relocated marine barracks?');
  await expect(note.getByRole('status')).toHaveText('Saved');

  await search(page, 'barracks');
  await expect(group(page, 'Notes').getByRole('option')).toContainText('Basing questions');
  await page.keyboard.press('Enter');
  await expect(note.getByRole('textbox', { name: 'Note title' })).toHaveValue('Basing questions');

  await search(page, 'entire international community');
  await expect(group(page, 'Articles').getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(foundWords(page)).toHaveText('entire international community');
  await expect(foundWords(page)).toBeInViewport();
});
