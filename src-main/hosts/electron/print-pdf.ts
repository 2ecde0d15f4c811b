/**
 * Prints a report's HTML to PDF in the desktop app: a hidden, sandboxed window with no script
 * and no preload, in a session of its own (nothing of the notebook window's), loads the page
 * from a private temporary file and prints it with Chromium's own printer.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { NotebookError } from '../../common/errors';

export async function printPdfInWindow(html: string, signal: AbortSignal): Promise<Uint8Array> {
  const work = await mkdtemp(join(tmpdir(), 'marginalia-pdf-'));
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, javascript: false, contextIsolation: true, nodeIntegration: false, partition: 'marginalia-print', spellcheck: false, devTools: false, disableBlinkFeatures: 'Auxclick' },
  });
  const stop = () => window.destroy();
  signal.addEventListener('abort', stop, { once: true });
  try {
    const page = join(work, 'report.html');
    await writeFile(page, html, { mode: 0o600 });
    await window.loadFile(page);
    const pdf = await window.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } catch (error) {
    if (signal.aborted) throw new NotebookError('cancelled', 'The export was cancelled.');
    throw new NotebookError('internal', `The report could not be printed to PDF: ${(error as Error).message}`);
  } finally {
    signal.removeEventListener('abort', stop);
    if (!window.isDestroyed()) window.destroy();
    await rm(work, { recursive: true, force: true });
  }
}
