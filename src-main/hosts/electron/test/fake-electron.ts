/**
 * A stand-in for the `electron` module in unit tests (no Electron binary can run here): it
 * records what the host registers and creates — IPC handlers, windows and their options, the
 * menu, the app scheme and its handler, session handlers — so tests can drive them.
 * Use with `vi.mock('electron', () => import('./test/fake-electron'))`; each test file gets
 * its own instance.
 */
import { EventEmitter } from 'node:events';

type Handler = (...args: never[]) => unknown;

class FakeApp extends EventEmitter {
  isPackaged = false;
  /** Makes the app ready (resolves `whenReady`). */
  becomeReady: () => void = () => undefined;
  readonly readyPromise = new Promise<void>((resolve) => (this.becomeReady = resolve));
  sandboxEnabled = false;
  userData = '';
  quitCalls = 0;
  requestSingleInstanceLock = () => true;
  enableSandbox = () => void (this.sandboxEnabled = true);
  whenReady = () => this.readyPromise;
  getName = () => 'Marginalia';
  getPath = (name: string) => (name === 'userData' ? this.userData : '');
  showAboutPanel = () => undefined;
  quit = () => void (this.quitCalls += 1);
  exit = () => undefined;
}

export const app = new FakeApp();

export const ipcMain = {
  handlers: new Map<string, (event: unknown, arg: unknown) => Promise<unknown>>(),
  handle(channel: string, fn: (event: unknown, arg: unknown) => Promise<unknown>) {
    this.handlers.set(channel, fn);
  },
};

class FakeWebContents extends EventEmitter {
  readonly mainFrame = { url: '' };
  readonly sent: unknown[][] = [];
  isDestroyed = () => false;
  getURL = () => this.mainFrame.url;
  send = (...args: unknown[]) => void this.sent.push(args);
}

export class BrowserWindow extends EventEmitter {
  static readonly created: BrowserWindow[] = [];
  static getAllWindows = () => BrowserWindow.created;
  readonly webContents = new FakeWebContents();
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
  }
  isDestroyed = () => false;
  isMinimized = () => false;
  loadURL(url: string) {
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
}

export const nativeTheme = { shouldUseDarkColors: false };

export const Menu = {
  application: undefined as unknown,
  buildFromTemplate: (template: unknown[]) => ({ template }),
  setApplicationMenu(menu: unknown) {
    this.application = menu;
  },
};

export const shell = { openPath: () => Promise.resolve('') };

export const dialog = { showErrorBox: (title: string, message: string) => void console.error(`${title}: ${message}`) };

export const protocol = {
  /** Schemes declared privileged, and whether the app was ready when they were. */
  privileged: [] as { schemes: unknown[]; beforeReady: boolean }[],
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  ready: false,
  registerSchemesAsPrivileged(schemes: unknown[]) {
    this.privileged.push({ schemes, beforeReady: !this.ready });
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    this.handlers.set(scheme, handler);
  },
};
app.readyPromise.then(() => (protocol.ready = true));

class FakeSession extends EventEmitter {
  readonly recorded: Record<string, Handler> = {};
  setPermissionRequestHandler = (fn: Handler) => void (this.recorded.request = fn);
  setPermissionCheckHandler = (fn: Handler) => void (this.recorded.check = fn);
  webRequest = { onHeadersReceived: (fn: Handler) => void (this.recorded.headers = fn) };
}

export const session = { defaultSession: new FakeSession() };

export const safeStorage = {
  isEncryptionAvailable: () => false,
  encryptString: (text: string) => Buffer.from(text),
  decryptString: (data: Buffer) => data.toString(),
};
