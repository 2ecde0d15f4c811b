/**
 * The HTML report as a reader opens it: in Chromium, from a file, it asks for nothing (no font,
 * style, image or script from anywhere), runs no script, and reads as a report on screen and
 * in print. Screenshots land in .tmp/export-report/ for a person to look at.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportToHtml } from './html-report';
import { claimReport, sourceReport } from './test-support/sample-report';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = resolve(import.meta.dirname, '../../../.tmp/export-report');

let browser: Browser;
let folder: string;
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) return;
  folder = await mkdtemp(join(tmpdir(), 'marginalia-html-report-'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe.skipIf(!existsSync(CHROMIUM))('the HTML report in Chromium', () => {
  for (const [name, report] of [
    ['by source', sourceReport],
    ['by claim', claimReport],
  ] as const) {
    it(`${name}: makes no request and runs no script, in light, dark and print`, async () => {
      const file = join(folder, `${name}.html`);
      await writeFile(file, reportToHtml(report));
      await mkdir(SHOTS, { recursive: true });
      for (const media of [{ colorScheme: 'light' }, { colorScheme: 'dark' }, { media: 'print' }] as const) {
        const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
        const requests: string[] = [];
        page.on('request', (request) => requests.push(request.url()));
        await page.emulateMedia(media);
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        await expect.poll(() => page.evaluate(() => document.fonts.status)).toBe('loaded');
        expect(requests).toEqual([pathToFileURL(file).href]);
        expect(await page.evaluate(() => document.scripts.length)).toBe(0);
        const heading = await page.getByRole('heading', { level: 1 }).textContent();
        expect(heading).toBe('Annotated report: alliance');
        await page.screenshot({ path: join(SHOTS, `${name.replace(' ', '-')}-${'media' in media ? media.media : media.colorScheme}.png`), fullPage: true });
        await page.close();
      }
    }, 60_000);
  }
});
