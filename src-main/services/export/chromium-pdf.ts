/**
 * Prints a report's HTML to PDF with a Chromium, Chrome or Edge found on this machine (or the
 * one `MARGINALIA_CHROME` names), for browser mode and the command line; the desktop app
 * prints with its own window instead (hosts/electron/print-pdf.ts). The page is written to a
 * private temporary folder and printed headless with a fresh profile, which is then removed.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NotebookError } from '../../common/errors';

/** Where the usual browsers are installed, on each system. */
const CANDIDATES: Record<string, string[]> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge', '/snap/bin/chromium'],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};

const executable = (path: string) =>
  access(path, constants.X_OK).then(
    () => true,
    () => false,
  );

/** The browser to print with, or a message saying how to name one. */
export async function findChromium(env: NodeJS.ProcessEnv = process.env, platform: string = process.platform): Promise<string> {
  const named = env.MARGINALIA_CHROME?.trim();
  if (named) {
    if (await executable(named)) return named;
    throw new NotebookError('unavailable', `MARGINALIA_CHROME names ${named}, which is not a program that can be run. Point it at Chromium, Chrome or Edge.`);
  }
  for (const path of CANDIDATES[platform] ?? []) if (await executable(path)) return path;
  throw new NotebookError(
    'unavailable',
    'PDF needs Chromium, Chrome or Edge, and none was found on this machine. Install one, or set MARGINALIA_CHROME to its path; or export HTML and print it from a browser.',
  );
}

/** How long a print may take before it is given up (a very large report takes a while). */
const PRINT_TIMEOUT_MS = 5 * 60_000;

export async function printPdfWithChromium(html: string, signal?: AbortSignal): Promise<Uint8Array> {
  const chromium = await findChromium();
  const work = await mkdtemp(join(tmpdir(), 'marginalia-pdf-'));
  try {
    const page = join(work, 'report.html');
    const pdf = join(work, 'report.pdf');
    await writeFile(page, html, { mode: 0o600 });
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      '--no-pdf-header-footer',
      `--user-data-dir=${join(work, 'profile')}`,
      `--print-to-pdf=${pdf}`,
      pathToFileURL(page).href,
    ];
    // Chromium refuses to start as root without this (containers, CI machines).
    if (process.getuid?.() === 0) args.unshift('--no-sandbox');
    await run(chromium, args, signal);
    const bytes = await readFile(pdf).catch(() => null);
    if (!bytes || bytes.length === 0) throw new NotebookError('internal', `${chromium} ran but wrote no PDF.`);
    return new Uint8Array(bytes);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function run(program: string, args: string[], signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'], signal, timeout: PRINT_TIMEOUT_MS });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-2000)));
    child.on('error', (error) => reject(signal?.aborted ? new NotebookError('cancelled', 'The export was cancelled.') : new NotebookError('unavailable', `Could not run ${program}: ${error.message}`)));
    child.on('exit', (code, exitSignal) => {
      if (code === 0) resolve();
      else if (signal?.aborted) reject(new NotebookError('cancelled', 'The export was cancelled.'));
      else reject(new NotebookError('internal', `${program} could not print the report (${exitSignal ?? `exit ${code}`}): ${stderr.trim().split('\n').at(-1) ?? ''}`));
    });
  });
}
