/** The library, as a new user meets it: the sample article, adding by paste, rename, delete. */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  addArticle,
  articleButton,
  articleItems,
  articleList,
  fillNewArticle,
  openArticle,
  readerArticle,
} from './support/library-ui';

const NOTES_TITLE = 'Field notes on the 2+2 talks';
const NOTES_MARKDOWN = `# What was agreed

The command upgrade is *the most significant change* to U.S. Forces Japan, and **missile production** grows.

- Upgrade the headquarters in Yokota
- License more missile production in Japan
- Meet again next year
`;

async function expectNotesRendered(page: Page): Promise<void> {
  const article = readerArticle(page);
  await expect(article.getByRole('heading', { name: 'What was agreed' })).toBeVisible();
  await expect(article.locator('em')).toHaveText('the most significant change');
  await expect(article.locator('strong')).toHaveText('missile production');
  await expect(article.getByRole('listitem')).toHaveText([
    'Upgrade the headquarters in Yokota',
    'License more missile production in Japan',
    'Meet again next year',
  ]);
}

test('a fresh notebook lists only the sample article, and it reads with its quotes intact', async ({ app }) => {
  const { page } = app;
  await expect(articleItems(page)).toHaveCount(1);
  await expect(articleButton(page, 'Japan')).toBeVisible();

  await articleButton(page, 'Japan').click();
  const article = readerArticle(page);
  await expect(article.locator('[data-block]').first()).toHaveText(/^TOKYO: Japanese and U\.S\. defense chiefs/);
  await expect(article).toContainText('describing the rising threat from China as “the greatest strategic challenge.”');
});

test('an article pasted as Markdown opens, and is still there after a reload and a restart', async ({ app }) => {
  await addArticle(app.page, { title: NOTES_TITLE, format: 'Markdown', text: NOTES_MARKDOWN, source: 'My notes' });
  await openArticle(app.page, NOTES_TITLE, 'What was agreed');
  await expectNotesRendered(app.page);

  await app.page.reload();
  await expect(articleItems(app.page)).toHaveCount(2);
  await openArticle(app.page, NOTES_TITLE, 'What was agreed');
  await expectNotesRendered(app.page);

  await app.restart();
  await expect(articleItems(app.page)).toHaveCount(2);
  await openArticle(app.page, NOTES_TITLE, 'What was agreed');
  await expectNotesRendered(app.page);
});

test('renaming an article: Escape cancels, Enter saves, and the name survives a restart', async ({ app }) => {
  await addArticle(app.page, { title: NOTES_TITLE, format: 'Markdown', text: NOTES_MARKDOWN });
  await openArticle(app.page, NOTES_TITLE, 'What was agreed');

  await app.page.getByRole('button', { name: 'Rename article' }).click();
  const titleBox = app.page.getByRole('textbox', { name: 'Article title' });
  await expect(titleBox).toHaveValue(NOTES_TITLE);
  await titleBox.fill('A name I will not keep');
  await titleBox.press('Escape');
  await expect(titleBox).toBeHidden();
  await expect(articleButton(app.page, NOTES_TITLE)).toBeVisible();

  await app.page.getByRole('button', { name: 'Rename article' }).click();
  await titleBox.fill('');
  await titleBox.pressSequentially('Alliance notes, July 2024');
  await titleBox.press('Enter');
  await expect(titleBox).toBeHidden();
  await expect(articleButton(app.page, 'Alliance notes, July 2024')).toBeVisible();
  await expect(articleList(app.page)).not.toContainText(NOTES_TITLE);

  await app.restart();
  await expect(articleButton(app.page, 'Alliance notes, July 2024')).toBeVisible();
  await expect(articleList(app.page)).not.toContainText(NOTES_TITLE);
});

test('deleting an article asks first, and it stays gone after a reload', async ({ app }) => {
  const { page } = app;
  await addArticle(page, { title: NOTES_TITLE, format: 'Markdown', text: NOTES_MARKDOWN });
  await openArticle(page, NOTES_TITLE, 'What was agreed');

  await page.getByRole('button', { name: 'Delete article' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete article?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(articleButton(page, NOTES_TITLE)).toBeVisible();

  await page.getByRole('button', { name: 'Delete article' }).click();
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(articleItems(page)).toHaveCount(1);
  await expect(articleList(page)).not.toContainText(NOTES_TITLE);

  await page.reload();
  await expect(articleItems(page)).toHaveCount(1);
  await expect(articleButton(page, 'Japan')).toBeVisible();
  await expect(articleList(page)).not.toContainText(NOTES_TITLE);
});

test('adding an article with no text explains why, and keeps what was typed', async ({ app }) => {
  const { page } = app;
  const dialog = await fillNewArticle(page, { title: 'A draft with no text yet', format: 'Plain text', text: '' });
  await dialog.getByRole('button', { name: 'Add to library' }).click();

  await expect(dialog.getByRole('alert')).toContainText(/text/i);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('A draft with no text yet');

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(articleItems(page)).toHaveCount(1);
});
