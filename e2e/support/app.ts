/** What a spec drives: the app on a fresh notebook, in a browser tab or an Electron window. */
import type { Page } from '@playwright/test';
import type { ApiMethod } from '../../src-main/common/api-methods';
import type { ApiArg, ApiResponse, ApiResults } from '../../src-main/common/api';
import type { ExitInfo, ServeProcess } from './serve-process';

export type Target = 'web' | 'electron';

export interface SavedDownload {
  fileName: string;
  path: string;
}

export interface App {
  readonly target: Target;
  /** The window showing the app; read it again after `restart()` (Electron opens a new window). */
  readonly page: Page;
  /** The notebook folder, fresh for each test. */
  readonly notebookDir: string;
  /** The address the app is shown at (web: the printed URL with the token). */
  readonly url: string;
  /** Browser mode's process (web only). */
  readonly server: ServeProcess | undefined;
  /**
   * Quits the app as a user would (web: Ctrl+C, which must exit 0) and starts it again on the
   * same folder, running `whileClosed` in between (files changed while no Marginalia is open).
   */
  restart(whileClosed?: () => Promise<void>): Promise<void>;
  /** Quits the app and answers how its process ended. */
  stop(): Promise<ExitInfo>;
  /**
   * A second window on the same notebook (web: another tab on the same host). Undefined where
   * the target has one window per notebook (the desktop app).
   */
  openSecondWindow(): Promise<Page | undefined>;
  /** Calls the API the way the renderer does, bypassing the UI (to check what the UI shows). */
  api<M extends ApiMethod>(method: M, arg: ApiArg<M>): Promise<ApiResponse<ApiResults[M]>>;
  /**
   * Runs `trigger` (a click that makes the app save a file) and answers the file saved: its
   * name and where it now is. Web: the browser's download. Desktop: where the Save dialog
   * would have put it (the test answers the dialog by choosing a folder of its own).
   */
  saveDownload(trigger: () => Promise<void>): Promise<SavedDownload>;
  /** Kills whatever is left; called by the fixture after each test. */
  dispose(): Promise<void>;
  /** Output worth attaching to a failed test. */
  logs(): string;
}
