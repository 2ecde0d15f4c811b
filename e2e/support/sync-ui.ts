/**
 * Sharing through git as a user finds it: the library's foot ("Share through git…", then the
 * Sharing region with its state and Sync button), the Share dialog, and a record's History.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { libraryPane } from './library-ui';

export const sharing = (page: Page): Locator => libraryPane(page).getByRole('region', { name: 'Sharing' });
export const syncButton = (page: Page): Locator => sharing(page).getByRole('button', { name: 'Sync', exact: true });
export const shareDialog = (page: Page): Locator => page.getByRole('dialog', { name: 'Share through git' });
export const historyDialog = (page: Page): Locator => page.getByRole('dialog', { name: /^History of / });

/** Opens "Share through git…" and types the remote's address and a name, as a person does (without submitting). */
export async function fillShareDialog(page: Page, remote: string, name: string): Promise<Locator> {
  await libraryPane(page).getByRole('button', { name: 'Share through git…' }).click();
  const dialog = shareDialog(page);
  await expect(dialog.getByRole('textbox', { name: 'Remote address' })).toBeFocused();
  await page.keyboard.type(remote);
  await dialog.getByRole('textbox', { name: 'Your name' }).click();
  await page.keyboard.type(name);
  return dialog;
}

/** Shares the notebook through `remote` (or joins the one there) and waits until it is up to date. */
export async function shareThrough(page: Page, remote: string, name: string): Promise<void> {
  const dialog = await fillShareDialog(page, remote, name);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(sharing(page)).toContainText('Up to date');
}

/** Presses Sync and waits for the status line's account of it ("Synced: sent 1 change, received 0."). */
export async function syncNow(page: Page, said: RegExp): Promise<void> {
  await syncButton(page).click();
  await expect(page.getByRole('status').filter({ hasText: 'Synced:' })).toHaveText(said);
  await expect(sharing(page)).toContainText('Up to date');
}
