/**
 * Import as a person does it: dropping files onto the window (a DataTransfer of File objects,
 * dispatched as dragenter, dragover and drop), picking them in the file dialog, typing a web
 * address. Elements are found by role and accessible name.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export interface DroppedFile {
  name: string;
  /** File content: text, bytes, or a number of zero bytes made in the page (for huge files). */
  content: string | Uint8Array | { zeroBytes: number };
  type?: string;
}

export const dropOverlay = (page: Page): Locator => page.getByRole('region', { name: 'Drop to import' });
export const importReport = (page: Page): Locator => page.getByRole('dialog', { name: 'Import report' });
export const reportItem = (page: Page, name: string): Locator =>
  importReport(page).getByRole('list', { name: 'Imported files' }).getByRole('listitem').filter({ hasText: name });

/** Drags the files over the window (the overlay appears), then drops them on it. */
export async function dropFiles(page: Page, files: DroppedFile[], check?: (overlay: Locator) => Promise<void>): Promise<void> {
  const payload = files.map((file) => ({ ...file, content: file.content instanceof Uint8Array ? Array.from(file.content) : file.content }));
  const transfer = await page.evaluateHandle((list) => {
    const data = new DataTransfer();
    for (const file of list) {
      const { content } = file;
      const body = typeof content === 'string' ? content : Array.isArray(content) ? new Uint8Array(content) : new ArrayBuffer(content.zeroBytes);
      data.items.add(new File([body], file.name, { type: file.type ?? '' }));
    }
    return data;
  }, payload);
  const overlay = dropOverlay(page);
  // The window listens for drags from just after its first paint (React runs effects after
  // painting): a drag begun in that instant is not seen, so it is begun again until the
  // overlay shows, as a person would drag again over a window that had only just appeared.
  await expect(async () => {
    await page.locator('main').first().dispatchEvent('dragenter', { dataTransfer: transfer });
    await expect(overlay).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await check?.(overlay);
  await overlay.dispatchEvent('dragover', { dataTransfer: transfer });
  await overlay.dispatchEvent('drop', { dataTransfer: transfer });
  await expect(overlay).toBeHidden();
}

/** Picks files with "Import files…" (the file chooser a person would see). */
export async function pickFiles(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files…' }).click();
  await (await chooser).setFiles(files);
}

/**
 * Waits until every row of the report has its outcome: up to 150 s, as the 30-page corpus
 * imported with two CPU hogs beside the suite took past 60 s.
 */
export async function expectReportDone(page: Page, summary: string | RegExp): Promise<void> {
  await expect(importReport(page).getByRole('status')).toHaveText(summary, { timeout: 150_000 });
}
