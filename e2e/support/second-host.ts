/**
 * A colleague's Marginalia beside the test's own: a second browser-mode host on a notebook
 * folder of its own, shown in its own browser context (so nothing is shared but what is sent
 * as a file). Web target only: the desktop app runs one notebook per process.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, TestInfo } from '@playwright/test';
import type { App } from './app';
import { WebApp } from './web-app';

/** When the test failed: the app's screenshot and output, attached to the report (names begin with `prefix`). */
export async function attachOnFailure(app: App, testInfo: TestInfo, prefix = ''): Promise<void> {
  if (testInfo.status === testInfo.expectedStatus) return;
  const screenshot = await app.page.screenshot().catch(() => undefined);
  if (screenshot) await testInfo.attach(`${prefix}screenshot`, { body: screenshot, contentType: 'image/png' });
  await testInfo.attach(`${prefix}app output`, { body: app.logs(), contentType: 'text/plain' });
}

/** Starts the second host, hands it to `use`, and stops it and removes its folder afterwards. */
export async function withSecondHost(browser: Browser, testInfo: TestInfo, use: (app: App) => Promise<void>): Promise<void> {
  const notebookDir = await mkdtemp(join(tmpdir(), 'marginalia-e2e-colleague-'));
  let app: App | undefined;
  try {
    app = await WebApp.launch(browser, notebookDir);
    await use(app);
  } finally {
    if (app) await attachOnFailure(app, testInfo, 'colleague ');
    await app?.dispose();
    await rm(notebookDir, { recursive: true, force: true });
  }
}
