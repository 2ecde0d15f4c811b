/**
 * Two colleagues exchanging work, each with a Marginalia of their own (two browser-mode hosts
 * on two notebook folders). In A: highlight a passage of the sample article with the mouse and
 * write a note on it; export the whole notebook as a bundle. In B, whose notebook starts with
 * the same sample record: import it and read the summary. Then both edit the highlight's comment, A first; B imports A's newer bundle, sees
 * the edit kept as a conflict and the notice on the card, shows A's version and uses it, undoes
 * that, and undoes the imports until A's records are gone again.
 */
import type { Locator } from '@playwright/test';
import { expect, test, type App } from './fixtures';
import { dragSelect, highlightCard } from './support/highlights-ui';
import { articleButton, articleItems, libraryPane, openArticle, reader } from './support/library-ui';
import { notePane, notesList, showSection } from './support/research-ui';
import { conflictNotice, exchangeDialog, exportBundle, importBundle } from './support/exchange-ui';
import { withSecondHost } from './support/second-host';

const PASSAGE = 'historic turning point';
const NOTE_TITLE = 'Why Kamikawa calls it a turning point';
const A_COMMENT = 'A: the first joint command since 1960.';
const B_COMMENT = 'B: mostly a change of name.';

/** The highlight's comment as the card shows it (not a version shown in its conflict notice). */
const shownComment = (card: Locator): Locator => card.locator('.card-comment .comment-body');

/** Opens the card's comment field, replaces the text by typing, and saves with Ctrl+Enter. */
async function writeComment(app: App, text: string): Promise<void> {
  const card = highlightCard(app.page, PASSAGE);
  await card.getByRole('button', { name: /^(Add|Edit) comment$/ }).click();
  const field = card.getByRole('textbox', { name: 'Comment' });
  await expect(field).toBeFocused();
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.type(text);
  await app.page.keyboard.press('Control+Enter');
  await expect(shownComment(card)).toHaveText(text);
}

async function undo(app: App, label: RegExp): Promise<void> {
  await reader(app.page).locator('.article-title').click();
  await app.page.keyboard.press('Control+Z');
  await expect(app.page.getByRole('status').filter({ hasText: 'Undid:' })).toHaveText(label);
}

test('a bundle merged into a colleague’s notebook, a conflict kept, looked at, used, and undone', async ({ app, target, webBrowser }, testInfo) => {
  test.skip(target !== 'web', 'Two notebooks side by side need two hosts: browser mode only.');
  test.setTimeout(180_000);
  const a = app;

  // A highlights a passage with the mouse and writes a note on it.
  await openArticle(a.page, 'Japan', 'Kamikawa');
  await dragSelect(a.page, PASSAGE);
  await a.page.keyboard.press('h');
  await expect(highlightCard(a.page, PASSAGE)).toBeVisible();
  await highlightCard(a.page, PASSAGE).getByRole('button', { name: 'Add note' }).click();
  await a.page.getByRole('menuitem', { name: /^Note that supports it/ }).click();
  const title = notePane(a.page).getByRole('textbox', { name: 'Note title' });
  await expect(title).toHaveValue(/^On “/);
  await title.click();
  await a.page.keyboard.press('Control+A');
  await a.page.keyboard.type(NOTE_TITLE);
  await notePane(a.page).getByRole('textbox', { name: 'Note text' }).click();
  await a.page.keyboard.type('Because the command structure changes, not only its name.');
  await expect(notePane(a.page).getByRole('status')).toHaveText('Saved');
  await notePane(a.page).getByRole('button', { name: 'Back to reading' }).click();

  const first = await exportBundle(a);
  expect(first.fileName).toMatch(/\.marginalia\.json$/);

  await withSecondHost(webBrowser!, testInfo, async (b) => {
    // B's notebook starts with the same sample record as A's: A's highlight and note land in it.
    await expect(articleItems(b.page)).toHaveCount(1);
    let summary = await importBundle(b.page, first, /^2 added · 1 already the same/);
    await expect(summary.getByRole('heading', { name: /^Imported the bundle from “.+” of \d{4}-\d{2}-\d{2}$/ })).toBeVisible();
    await expect(summary.getByRole('list', { name: /^Added/ })).toContainText(PASSAGE);
    await expect(summary.getByRole('list', { name: /^Added/ })).toContainText(NOTE_TITLE);
    await summary.getByRole('button', { name: 'Done' }).click();
    await expect(summary).toBeHidden();
    await expect(articleButton(b.page, 'Japan')).toBeVisible();
    await showSection(b.page, 'Notes');
    await expect(notesList(b.page)).toContainText(NOTE_TITLE);
    await showSection(b.page, 'Articles');

    // Both edit the comment, A first; B's edit is the newer.
    await writeComment(a, A_COMMENT);
    await openArticle(b.page, 'Japan', 'Kamikawa');
    await writeComment(b, B_COMMENT);

    // A's newer bundle into B: B's edit stays, A's is kept as a conflict on the card.
    const second = await exportBundle(a);
    summary = await importBundle(b.page, second, /1 kept as a conflict/);
    await expect(summary.getByRole('list', { name: /^Kept as a conflict/ })).toContainText(PASSAGE);
    await summary.getByRole('button', { name: 'Done' }).click();
    await expect(summary).toBeHidden();

    const card = highlightCard(b.page, PASSAGE);
    await expect(shownComment(card)).toHaveText(B_COMMENT);
    const notice = conflictNotice(card);
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: /^Show the other version of the highlight “historic turning point”/ }).click();
    await expect(notice.getByRole('definition')).toHaveText(A_COMMENT);
    await notice.getByRole('button', { name: /^Use this version of the highlight “historic turning point”/ }).click();
    await expect(shownComment(card)).toHaveText(A_COMMENT);
    await expect(conflictNotice(card)).toHaveCount(0);

    // Undo brings B's comment back, with A's version in the history again.
    await undo(b, /^Undid: Use the other version/);
    await expect(shownComment(card)).toHaveText(B_COMMENT);
    await expect(conflictNotice(card)).toBeVisible();

    // Undoing the second import takes the conflict away; undoing B's edit and the first import takes A's records away.
    await undo(b, /^Undid: Import “/);
    await expect(conflictNotice(card)).toHaveCount(0);
    await undo(b, /^Undid: /);
    await expect(shownComment(card)).toHaveCount(0);
    await undo(b, /^Undid: Import “/);
    await expect(highlightCard(b.page, PASSAGE)).toHaveCount(0);
    await expect(articleItems(b.page)).toHaveCount(1);
    await showSection(b.page, 'Notes');
    await expect(libraryPane(b.page)).not.toContainText(NOTE_TITLE);
    await expect(exchangeDialog(b.page)).toBeHidden();
  });
});
