/**
 * The export dialog as a person uses it: found by role and accessible name, choices made with
 * the mouse, the file saved and read back.
 */
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import type { App } from './app';

export const exportDialog = (page: Page): Locator => page.getByRole('dialog', { name: 'Export' });
export const exportPreview = (page: Page): Locator => exportDialog(page).getByRole('region', { name: 'Preview' });

/** Chooses a format in the dialog's Format menu by its label ("Markdown", "HTML (one file)"). */
export async function chooseFormat(page: Page, label: string): Promise<void> {
  await exportDialog(page).getByRole('combobox', { name: 'Format' }).selectOption({ label });
}

/**
 * Saves (by pressing Save, or by `trigger` — Enter in a field), waits for the file and for the
 * dialog to close, and reads the file back.
 */
export async function saveExport(app: App, trigger?: () => Promise<void>): Promise<{ fileName: string; text: string }> {
  const dialog = exportDialog(app.page);
  const saved = await app.saveDownload(trigger ?? (() => dialog.getByRole('button', { name: 'Save' }).click()));
  await expect(dialog).toBeHidden();
  return { fileName: saved.fileName, text: await readFile(saved.path, 'utf8') };
}
