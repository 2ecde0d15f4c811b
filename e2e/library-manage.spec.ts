/**
 * Managing the library as a person does: sort, filter, pick rows with Ctrl-click, tag and
 * delete them at once, edit an article's details; and everything holds after a reload.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type App } from './fixtures';
import { articleButton, articleItems, articleList, libraryPane, readerArticle } from './support/library-ui';

const TITLES = ['Budget hearings', 'Alliance command', 'Coastal radar'];

/** Adds articles through the API (the New article dialog has its own spec), then reloads. */
async function withArticles(app: App, titles: string[]): Promise<void> {
  for (const title of titles) {
    const answer = await app.api('importArticle', { format: 'text', content: `${title}.\n\nNotes on ${title.toLowerCase()}.`, title });
    expect(answer.ok).toBe(true);
  }
  await app.page.reload();
  await expect(articleItems(app.page)).toHaveCount(titles.length + 1);
}

/** The titles the list shows, top to bottom. */
const shownTitles = (page: Page) => articleList(page).locator('.article-item-title').evaluateAll((spans) => spans.map((span) => span.getAttribute('title')));

async function openFilters(page: Page) {
  const toggle = libraryPane(page).getByRole('button', { name: 'Filter' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

test('sort by title, filter unread, tag two rows picked with Ctrl-click, filter by the tag, delete them; it all holds after a reload', async ({ app }) => {
  const { page } = app;
  await withArticles(app, TITLES);
  const pane = libraryPane(page);

  await pane.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Title' });
  await expect.poll(() => shownTitles(page)).toEqual(['Alliance command', 'Budget hearings', 'Coastal radar', expect.stringContaining('Japan')]);

  await articleButton(page, 'Budget hearings').click();
  await expect(readerArticle(page)).toContainText('Notes on budget hearings');
  await openFilters(page);
  await pane.getByRole('checkbox', { name: 'Unread' }).check();
  await expect.poll(() => shownTitles(page)).toEqual(['Alliance command', 'Coastal radar', expect.stringContaining('Japan')]);
  await expect(pane.getByText('3 of 4 articles')).toBeVisible();
  await pane.getByRole('button', { name: 'Remove filter Unread' }).click();
  await expect(articleItems(page)).toHaveCount(4);

  await articleButton(page, 'Alliance command').click({ modifiers: ['ControlOrMeta'] });
  await articleButton(page, 'Coastal radar').click({ modifiers: ['ControlOrMeta'] });
  const bar = pane.getByRole('toolbar', { name: 'Selected articles' });
  await expect(bar).toContainText('2 selected');
  await bar.getByRole('button', { name: 'Add tag…' }).click();
  const tagDialog = page.getByRole('dialog', { name: 'Add a tag to 2 articles' });
  await tagDialog.getByRole('combobox', { name: 'Tag' }).pressSequentially('defense/japan');
  await tagDialog.getByRole('button', { name: 'Add tag' }).click();
  await expect(tagDialog).toBeHidden();

  await pane.getByRole('combobox', { name: 'Tag' }).selectOption('defense');
  await expect.poll(() => shownTitles(page)).toEqual(['Alliance command', 'Coastal radar']);
  await expect(pane.getByRole('status').filter({ hasText: 'Tagged' })).toHaveText('Tagged defense');

  await page.reload();
  await expect.poll(() => shownTitles(page)).toEqual(['Alliance command', 'Budget hearings', 'Coastal radar', expect.stringContaining('Japan')]);
  await openFilters(page);
  await pane.getByRole('combobox', { name: 'Tag' }).selectOption('defense/japan');
  await expect.poll(() => shownTitles(page)).toEqual(['Alliance command', 'Coastal radar']);

  await articleButton(page, 'Alliance command').click({ modifiers: ['ControlOrMeta'] });
  await articleButton(page, 'Coastal radar').click({ modifiers: ['ControlOrMeta'] });
  await bar.getByRole('button', { name: 'Delete…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete 2 articles?' });
  await expect(confirm).toContainText('2 articles will be removed from your library');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(articleItems(page)).toHaveCount(2);
  await bar.getByRole('button', { name: 'Delete…' }).click();
  await confirm.getByRole('button', { name: 'Delete 2 articles' }).click();
  await expect(confirm).toBeHidden();
  await expect(pane.getByText('No article matches these filters.')).toBeVisible();
  await pane.getByRole('button', { name: 'Clear the filter defense/japan' }).click();
  await expect.poll(() => shownTitles(page)).toEqual(['Budget hearings', expect.stringContaining('Japan')]);

  await page.reload();
  await expect.poll(() => shownTitles(page)).toEqual(['Budget hearings', expect.stringContaining('Japan')]);
});

test('Edit details: a bad date is explained beside its field; publisher and date are saved and hold after a reload', async ({ app }) => {
  const { page } = app;
  await articleButton(page, 'Japan').click();
  await page.getByRole('button', { name: 'Edit details…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit details' });
  const publisher = dialog.getByRole('textbox', { name: 'Publisher' });
  const published = dialog.getByRole('textbox', { name: 'Published' });
  await publisher.fill('');
  await publisher.pressSequentially('Associated Press');
  await published.fill('');
  await published.pressSequentially('2024-02-30');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(published).toHaveAttribute('aria-invalid', 'true');
  await expect(published).toBeFocused();
  await expect(dialog.getByText('The published date must be a real date written YYYY-MM-DD')).toBeVisible();

  await published.fill('');
  await published.pressSequentially('2024-07-29');
  await published.press('Enter');
  await expect(dialog).toBeHidden();
  const row = articleButton(page, 'Japan');
  await expect(row).toContainText('Associated Press');
  await expect(row).toContainText('29 Jul 2024');
  await expect(page.getByRole('main', { name: 'Reader' }).locator('.article-meta')).toContainText('Associated Press');

  await page.reload();
  await expect(articleButton(page, 'Japan')).toContainText('Associated Press');
  await expect(articleButton(page, 'Japan')).toContainText('29 Jul 2024');
  await articleButton(page, 'Japan').click();
  await page.getByRole('button', { name: 'Edit details…' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Publisher' })).toHaveValue('Associated Press');
  await expect(dialog.getByRole('textbox', { name: 'Published' })).toHaveValue('2024-07-29');
});

test('a library of 10,000 articles draws only the rows in view, and the keyboard reaches the last one', async ({ app }) => {
  test.slow();
  // Written straight into the folder as article files, the store's source of truth, while the
  // app is closed: the next open adds them to the index. (Written while it is open, the
  // synced-folder watcher would be taking them in, slice by slice, as the keys are pressed.)
  const articles = join(app.notebookDir, 'articles');
  const [sampleFile] = await readdir(articles);
  const template = JSON.parse(await readFile(join(articles, sampleFile!), 'utf8')) as { article: Record<string, unknown> };
  const writeGenerated = async () => {
    for (let index = 0; index < 10_000; index += 1) {
      const id = `art_${index.toString(36).padStart(10, '0')}`;
      const article = { ...template.article, id, title: `Generated article ${index + 1}`, createdAt: new Date(Date.UTC(2020, 0, 1) + index * 60_000).toISOString() };
      await writeFile(join(articles, `${id}.json`), JSON.stringify({ ...template, article }));
    }
  };
  await app.restart(writeGenerated);
  const { page } = app;
  await expect(libraryPane(page).getByText('10,001 articles')).toBeVisible({ timeout: 30_000 });
  expect(await articleItems(page).count()).toBeLessThan(60);

  const generated = (n: number) => articleList(page).getByRole('button', { name: new RegExp(`Generated article ${n}(?!\\d)`) });
  await generated(10_000).focus();
  await page.keyboard.press('ArrowDown');
  await expect(generated(9_999)).toBeFocused();
  await page.keyboard.press('End');
  await expect(generated(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(generated(2)).toBeFocused();
  expect(await articleItems(page).count()).toBeLessThan(60);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Generated article 2' })).toBeVisible();
});
