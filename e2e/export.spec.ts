/**
 * Exporting an annotated report as a researcher does: highlight passages in the sample
 * article, make one a claim and tag it, choose the tag in the library, open Export…, arrange
 * the report by claim, save it as Markdown and then as HTML, and read the files: the claim,
 * its quoted evidence and the bibliography are there, and the HTML runs no script.
 */
import { expect, test, type App } from './fixtures';
import { dragSelect, highlightCard, marks } from './support/highlights-ui';
import { libraryPane, openArticle, reader } from './support/library-ui';
import { addTag, claimCardInMargin, showSection } from './support/research-ui';
import { chooseFormat, exportDialog, exportPreview, saveExport } from './support/export-ui';

const CLAIM = 'has no commanding authority';
const HIGHLIGHT = 'historic turning point';
const TITLE_START = 'Japan and U.S. agree to upgrade military command';

/** Two highlights in the sample article, one of them a claim; the claim and the other highlight tagged alliance. */
async function annotateSample(app: App): Promise<void> {
  const { page } = app;
  await openArticle(page, 'Japan', 'Kamikawa');
  await dragSelect(page, HIGHLIGHT);
  await page.keyboard.press('h');
  await dragSelect(page, CLAIM);
  await page.keyboard.press('c');
  await expect(marks(page)).toHaveText([CLAIM, HIGHLIGHT]);
  await addTag(claimCardInMargin(page, CLAIM), 'Tags for this claim', 'alliance');
  await addTag(highlightCard(page, HIGHLIGHT), 'Tags for this highlight', 'alliance');
}

test('a tag’s claims exported by claim, as Markdown and as HTML, with quotes and a bibliography', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await annotateSample(app);

  // Choose the tag in the library, then Export… what the library shows.
  await showSection(page, 'Tags');
  await libraryPane(page).getByRole('button', { name: /^Filter by alliance:/ }).click();
  await showSection(page, 'Articles');
  await libraryPane(page).getByRole('button', { name: 'Export…' }).click();
  const dialog = exportDialog(page);
  await expect(dialog).toContainText('Tag: alliance');
  await expect(dialog.getByRole('radio', { name: /^By source/ })).toBeFocused();

  await dialog.getByRole('radio', { name: /^By claim/ }).click();
  await chooseFormat(page, 'Markdown');
  await expect(exportPreview(page).getByLabel('Preview')).toContainText(`## ${CLAIM}`);
  await expect(exportPreview(page).getByRole('status')).toHaveText('1 claim, 1 source, 1 highlight');

  const markdown = await saveExport(app);
  expect(markdown.fileName).toMatch(/^alliance — claims — \d{4}-\d{2}-\d{2}\.md$/);
  expect(markdown.text).toContain('# Annotated report: alliance');
  expect(markdown.text).toContain(CLAIM);
  expect(markdown.text).toMatch(/> .*has no commanding authority/);
  expect(markdown.text.split('## Bibliography')[1]).toContain(TITLE_START);
  await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toHaveText(`Exported ${markdown.fileName} (1 claim, 1 source, 1 highlight)`);

  // Again as one HTML file: the dialog kept the choices, and the preview is a page in a frame.
  await libraryPane(page).getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.getByRole('radio', { name: /^By source/ })).toBeChecked();
  await dialog.getByRole('radio', { name: /^By claim/ }).click();
  await expect(dialog.getByRole('combobox', { name: 'Format' })).toHaveValue('md');
  await chooseFormat(page, 'HTML (one file)');
  const frame = exportPreview(page).frameLocator('iframe[title="Preview"]');
  await expect(frame.getByRole('heading', { name: 'Annotated report: alliance' })).toBeVisible();
  const html = await saveExport(app);
  expect(html.fileName).toMatch(/^alliance — claims — \d{4}-\d{2}-\d{2}\.html$/);
  expect(html.text).not.toMatch(/<script/i);
  expect(html.text).toContain(CLAIM);
  expect(html.text).toContain('Bibliography');
});

test('the keyboard alone: the shortcut opens it, Tab reaches every control, Enter saves, Esc closes', async ({ app }) => {
  const { page } = app;
  await annotateSample(app);
  const opener = reader(page).getByRole('button', { name: 'Export…' });
  await opener.click();
  const dialog = exportDialog(page);
  await expect(dialog).toContainText(`This article: ${TITLE_START}`);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  await page.keyboard.press('Control+Shift+E');
  await expect(dialog).toContainText('Whole notebook');
  const bySource = dialog.getByRole('radio', { name: /^By source/ });
  await expect(bySource).toBeFocused();
  await expect(exportPreview(page).getByRole('status')).toHaveText('1 source, 2 highlights');
  // Tab goes through the fields in order, with the focus ring showing.
  for (const control of [
    dialog.getByRole('combobox', { name: 'Format' }),
    dialog.getByRole('combobox', { name: 'Citation style' }),
    dialog.getByRole('checkbox', { name: 'Include comments' }),
    dialog.getByRole('checkbox', { name: 'Include notes' }),
    dialog.getByRole('checkbox', { name: 'Include passages that need review (marked as such)' }),
    exportPreview(page).getByLabel('Preview'),
    dialog.getByRole('button', { name: 'Cancel' }),
    dialog.getByRole('button', { name: 'Save' }),
  ]) {
    await page.keyboard.press('Tab');
    await expect(control).toBeFocused();
    await expect(control).toHaveCSS('outline-style', 'solid');
  }
  await dialog.getByRole('combobox', { name: 'Citation style' }).focus();
  // Enter in a field saves, as Save does.
  const saved = await saveExport(app, () => page.keyboard.press('Enter'));
  expect(saved.fileName).toMatch(/^Whole notebook — sources — \d{4}-\d{2}-\d{2}\.md$/);
  expect(saved.text).toContain(HIGHLIGHT);
});

