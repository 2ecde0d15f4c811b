/**
 * The library and reader as a user finds them: by role and accessible name. The names are
 * the UI's contract with these specs; change them here and in the renderer together.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export const libraryPane = (page: Page): Locator => page.getByRole('complementary', { name: 'Library' });
export const articleList = (page: Page): Locator => libraryPane(page).getByRole('list', { name: 'Articles' });
export const articleItems = (page: Page): Locator => articleList(page).getByRole('listitem');
/** The button that opens an article, found by (part of) its title. */
export const articleButton = (page: Page, title: string): Locator =>
  articleList(page).getByRole('button', { name: title }).first();
export const reader = (page: Page): Locator => page.getByRole('main', { name: 'Reader' });
export const readerArticle = (page: Page): Locator => reader(page).locator('article');
export const margin = (page: Page): Locator => page.getByRole('complementary', { name: 'Margin' });

export type Format = 'Plain text' | 'Markdown';

export interface NewArticle {
  title: string;
  format: Format;
  text: string;
  source?: string;
}

/** Opens "New article" and fills it in (typing the title, pasting the text), without submitting. */
export async function fillNewArticle(page: Page, article: NewArticle): Promise<Locator> {
  await page.getByRole('button', { name: 'New article' }).click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Title', exact: true }).pressSequentially(article.title);
  await dialog.getByRole('radio', { name: article.format }).check();
  if (article.text !== '') {
    await dialog.getByRole('textbox', { name: 'Article text' }).click();
    // insertText delivers the whole text at once, as a paste does.
    await page.keyboard.insertText(article.text);
  }
  if (article.source) await dialog.getByRole('textbox', { name: 'Source (optional)' }).fill(article.source);
  return dialog;
}

/** Adds an article through the "New article" dialog and waits until the library lists it. */
export async function addArticle(page: Page, article: NewArticle): Promise<void> {
  const dialog = await fillNewArticle(page, article);
  await dialog.getByRole('button', { name: 'Add to library' }).click();
  await expect(dialog).toBeHidden();
  await expect(articleButton(page, article.title)).toBeVisible();
}

/** Opens an article from the library and waits until the reader shows `expectedText`. */
export async function openArticle(page: Page, title: string, expectedText: string | RegExp): Promise<void> {
  await articleButton(page, title).click();
  await expect(readerArticle(page)).toContainText(expectedText);
}

/** The text of the reader's blocks (`[data-block]`) in order, joined as canonical text joins them. */
export async function paintedText(page: Page): Promise<string> {
  const blocks = readerArticle(page).locator('[data-block]');
  const texts = await blocks.evaluateAll((elements) => elements.map((element) => (element as HTMLElement).innerText));
  return texts.join('\n\n');
}

/**
 * Opens an article whose row may be out of view in a long (virtualized) list: scrolls the
 * list from the top with the mouse wheel, a screenful at a time, until its row is there.
 */
export async function scrollToAndOpen(page: Page, title: string): Promise<void> {
  const scroller = libraryPane(page).locator('.article-scroller');
  const row = articleList(page).getByRole('button', { name: title }).first();
  await scroller.evaluate((element) => element.scrollTo({ top: 0 }));
  for (let screens = 0; screens < 500; screens += 1) {
    // A wheel scroll glides on for a moment, and rows leave the window while it does.
    await expect.poll(() => scroller.evaluate((element) => new Promise((resolve) => {
      const before = element.scrollTop;
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(element.scrollTop === before)));
    }))).toBe(true);
    if ((await row.count()) > 0 && (await row.click({ timeout: 2_000 }).then(() => true, () => false))) return;
    const atEnd = await scroller.evaluate((element) => element.scrollTop + element.clientHeight >= element.scrollHeight - 1);
    if (atEnd) break;
    await scroller.hover();
    await page.mouse.wheel(0, 300);
  }
  throw new Error(`"${title}" is not in the library list`);
}
