/** The `web` target: browser mode's server process and a Chromium tab on its address. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { ApiMethod } from '../../src-main/common/api-methods';
import type { ApiArg, ApiResponse, ApiResults } from '../../src-main/common/api';
import type { App, SavedDownload } from './app';
import { rawRequest } from './raw-http';
import { ServeProcess, type ExitInfo } from './serve-process';

export class WebApp implements App {
  readonly target = 'web';
  private pageLog: string[] = [];

  private constructor(
    readonly notebookDir: string,
    /** The host's own files outside the notebook (a git remote's credentials), kept across restarts, out of the home folder. */
    private readonly home: string,
    private readonly context: BrowserContext,
    readonly page: Page,
    public server: ServeProcess,
  ) {
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') this.pageLog.push(`[console.${message.type()}] ${message.text()}`);
    });
    page.on('pageerror', (error) => this.pageLog.push(`[pageerror] ${error.stack ?? error.message}`));
  }

  static async launch(browser: Browser, notebookDir: string): Promise<WebApp> {
    const home = await mkdtemp(join(tmpdir(), 'marginalia-web-home-'));
    try {
      const server = await ServeProcess.start(notebookDir, undefined, WebApp.env(home));
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const app = new WebApp(notebookDir, home, context, page, server);
      await page.goto(server.url);
      return app;
    } catch (error) {
      await rm(home, { recursive: true, force: true });
      throw error;
    }
  }

  private static env(home: string): Record<string, string> {
    return { MARGINALIA_CREDENTIALS: join(home, 'credentials.json') };
  }

  get url(): string {
    return this.server.url;
  }

  async restart(whileClosed?: () => Promise<void>): Promise<void> {
    const exit = await this.stop();
    if (exit.code !== 0) throw new Error(`Browser mode exited with ${JSON.stringify(exit)} on Ctrl+C, not 0.\n${this.server.stderr}`);
    await whileClosed?.();
    this.server = await ServeProcess.start(this.notebookDir, undefined, WebApp.env(this.home));
    await this.page.goto(this.server.url);
  }

  stop(): Promise<ExitInfo> {
    return this.server.stop('SIGINT');
  }

  async openSecondWindow(): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(this.server.url);
    return page;
  }

  async api<M extends ApiMethod>(method: M, arg: ApiArg<M>): Promise<ApiResponse<ApiResults[M]>> {
    const response = await rawRequest({
      port: this.server.port,
      method: 'POST',
      path: `/api/${method}`,
      headers: { authorization: `Bearer ${this.server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(arg),
    });
    if (response.status !== 200) throw new Error(`${method} answered HTTP ${response.status}: ${response.text}`);
    return response.json() as ApiResponse<ApiResults[M]>;
  }

  async saveDownload(trigger: () => Promise<void>): Promise<SavedDownload> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), trigger()]);
    return { fileName: download.suggestedFilename(), path: await download.path() };
  }

  async dispose(): Promise<void> {
    await this.context.close().catch(() => undefined);
    if (this.server.running) await this.server.stop('SIGINT').catch(() => this.server.kill());
    await rm(this.home, { recursive: true, force: true });
  }

  logs(): string {
    return [`--- browser mode stderr ---`, this.server.stderr, `--- page console ---`, ...this.pageLog].join('\n');
  }
}
