/**
 * Exchanging work between notebooks as people do: export a bundle through the Export dialog,
 * import it with "Import bundle or annotations…", read the summary; and the conflict notice on
 * a record. Names used here are the UI's contract with the specs.
 */
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import type { App } from './app';
import { chooseFormat, exportDialog } from './export-ui';

export const exchangeDialog = (page: Page): Locator => page.getByRole('dialog', { name: 'Import bundle or annotations' });
export const conflictNotice = (scope: Locator): Locator => scope.getByRole('region', { name: /^Also edited elsewhere on / });

/** Exports the whole notebook as a bundle (Ctrl+Shift+E, Format, Save) and answers where the file is. */
export async function exportBundle(app: App): Promise<{ fileName: string; path: string }> {
  const { page } = app;
  await page.keyboard.press('Control+Shift+E');
  const dialog = exportDialog(page);
  await expect(dialog).toContainText('Whole notebook');
  await chooseFormat(page, 'Notebook bundle (for another Marginalia)');
  await expect(dialog).toContainText('Everything in scope, whole, for a colleague’s Marginalia to merge.');
  await expect(dialog.getByRole('combobox', { name: 'Citation style' })).toBeHidden();
  const saved = await app.saveDownload(() => dialog.getByRole('button', { name: 'Save' }).click());
  await expect(dialog).toBeHidden();
  return saved;
}

/** Picks the file with "Import bundle or annotations…" and waits for its summary's counts line. */
export async function importBundle(page: Page, file: { fileName: string; path: string }, counts: RegExp): Promise<Locator> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import bundle or annotations…' }).click();
  await (await chooser).setFiles({ name: file.fileName, mimeType: 'application/json', buffer: await readFile(file.path) });
  const dialog = exchangeDialog(page);
  await expect(dialog.getByRole('status')).toHaveText(counts);
  return dialog;
}
