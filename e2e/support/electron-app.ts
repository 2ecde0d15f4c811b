/** The `electron` target: the built desktop app, launched with Playwright's Electron support. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import type { ApiMethod } from '../../src-main/common/api-methods';
import type { ApiArg, ApiResponse, ApiResults, NotebookApi } from '../../src-main/common/api';
import type { App, SavedDownload } from './app';
import { ELECTRON_MAIN_JS, REPO_ROOT, appEnv } from './paths';
import type { ExitInfo, ServeProcess } from './serve-process';

export class ElectronApp implements App {
  readonly target = 'electron';
  readonly server: ServeProcess | undefined = undefined;
  private output = '';

  private constructor(
    private readonly executablePath: string,
    readonly notebookDir: string,
    /** Electron's userData and caches for this test, kept across restarts, out of the home folder. */
    private readonly home: string,
    private electron: ElectronApplication,
    private window: Page,
  ) {
    this.watch();
  }

  private static async start(executablePath: string, notebookDir: string, home: string): Promise<[ElectronApplication, Page]> {
    // Chromium refuses to run as root with its sandbox on; CI containers often run as root.
    const switches = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    const electron = await _electron.launch({
      executablePath,
      args: [...switches, ELECTRON_MAIN_JS, '--notebook', notebookDir],
      cwd: REPO_ROOT,
      env: appEnv({ XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache') }) as Record<string, string>,
    });
    return [electron, await electron.firstWindow()];
  }

  static async launch(executablePath: string, notebookDir: string): Promise<ElectronApp> {
    const home = await mkdtemp(join(tmpdir(), 'marginalia-electron-home-'));
    try {
      const [electron, window] = await ElectronApp.start(executablePath, notebookDir, home);
      return new ElectronApp(executablePath, notebookDir, home, electron, window);
    } catch (error) {
      await rm(home, { recursive: true, force: true });
      throw error;
    }
  }

  private watch(): void {
    const proc = this.electron.process();
    proc.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    this.window.on('pageerror', (error) => (this.output += `[pageerror] ${error.stack ?? error.message}\n`));
  }

  /** The desktop app shows one window per notebook. */
  openSecondWindow(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  get page(): Page {
    return this.window;
  }

  get url(): string {
    return this.window.url();
  }

  async restart(whileClosed?: () => Promise<void>): Promise<void> {
    await this.stop();
    await whileClosed?.();
    [this.electron, this.window] = await ElectronApp.start(this.executablePath, this.notebookDir, this.home);
    this.watch();
  }

  async stop(): Promise<ExitInfo> {
    const proc = this.electron.process();
    await this.electron.close();
    return { code: proc.exitCode, signal: proc.signalCode };
  }

  api<M extends ApiMethod>(method: M, arg: ApiArg<M>): Promise<ApiResponse<ApiResults[M]>> {
    return this.window.evaluate(
      ([name, argument]) => {
        const call = (window as unknown as { notebook: NotebookApi }).notebook[name] as (a: unknown) => Promise<unknown>;
        return call(argument);
      },
      [method, arg] as const,
    ) as Promise<ApiResponse<ApiResults[M]>>;
  }

  async saveDownload(trigger: () => Promise<void>): Promise<SavedDownload> {
    const folder = await mkdtemp(join(this.home, 'downloads-'));
    // A save path set before the download starts stands in for the person's answer to the
    // Save dialog, which a test cannot click. Listening first, so the download cannot be missed.
    await this.electron.evaluate(({ session }, into) => {
      (globalThis as { e2eDownload?: Promise<unknown> }).e2eDownload = new Promise((resolve) => {
        session.defaultSession.once('will-download', (_event, item) => {
          const path = `${into}/${item.getFilename()}`;
          item.setSavePath(path);
          item.once('done', (_done, state) => resolve({ fileName: item.getFilename(), path, state }));
        });
      });
    }, folder);
    await trigger();
    const { fileName, path, state } = (await this.electron.evaluate(() => (globalThis as { e2eDownload?: Promise<unknown> }).e2eDownload)) as SavedDownload & { state: string };
    if (state !== 'completed') throw new Error(`The download of ${fileName} ended ${state}.`);
    return { fileName, path };
  }

  async dispose(): Promise<void> {
    const proc = this.electron.process();
    await this.electron.close().catch(() => undefined);
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    await rm(this.home, { recursive: true, force: true });
  }

  logs(): string {
    return `--- electron output ---\n${this.output}`;
  }
}
