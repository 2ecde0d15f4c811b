/**
 * Claims, notes and tags as a user reaches them: the margin's claim card, the note editor,
 * the claims view, and the library's Notes and Tags sections.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { libraryPane, margin } from './library-ui';

export const notePane = (page: Page): Locator => page.getByRole('main', { name: 'Note' });
export const claimsView = (page: Page): Locator => page.getByRole('main', { name: 'Claims' });
export const notesList = (page: Page): Locator => libraryPane(page).getByRole('list', { name: 'Notes' });
export const claimCardInMargin = (page: Page, quote: string): Locator =>
  margin(page).getByRole('article', { name: quote }).filter({ has: page.getByRole('textbox', { name: 'Claim statement' }) });

export async function showSection(page: Page, name: 'Articles' | 'Notes' | 'Tags'): Promise<void> {
  await libraryPane(page).getByRole('tab', { name }).click();
}

/** Writes a note from the margin's claim card ("Note on the claim", then the relation). */
export async function writeNoteOnClaim(page: Page, quote: string, relation: string, title: string, body: string): Promise<void> {
  await claimCardInMargin(page, quote).getByRole('button', { name: 'Note on the claim' }).click();
  await page.getByRole('menuitem', { name: `Note that ${relation} it` }).click();
  const note = notePane(page);
  const titleField = note.getByRole('textbox', { name: 'Note title' });
  await expect(titleField).toHaveValue(/^On “/);
  await titleField.fill(title);
  await note.getByRole('textbox', { name: 'Note text' }).click();
  await page.keyboard.type(body);
  await expect(note.getByRole('status')).toHaveText('Saved');
}

/** Adds a tag by typing it into a tag field and pressing Enter. */
export async function addTag(scope: Locator, label: string, tag: string): Promise<void> {
  const field = scope.getByRole('combobox', { name: `Add a tag (${label})` });
  await field.click();
  await field.pressSequentially(tag);
  await field.press('Enter');
  await expect(scope.getByRole('list', { name: label })).toContainText(tag);
}
