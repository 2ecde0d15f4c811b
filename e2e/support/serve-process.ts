/**
 * Browser mode as a child process: `node out/main/serve.js --notebook DIR --port 0`, started
 * the way a user starts it, ready once it prints its one line on stdout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { REPO_ROOT, SERVE_JS, appEnv } from './paths';

/** The one line browser mode prints on stdout. */
export const READY_LINE = /^Marginalia is running at (http:\/\/127\.0\.0\.1:(\d+)\/#token=([0-9a-f]{64}))$/;

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class ServeProcess {
  /** Everything the process wrote, for assertions and for failure reports. */
  stdout = '';
  stderr = '';
  readonly exited: Promise<ExitInfo>;
  url = '';
  port = 0;
  token = '';

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.setEncoding('utf8').on('data', (text: string) => (this.stdout += text));
    child.stderr?.setEncoding('utf8').on('data', (text: string) => (this.stderr += text));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Starts browser mode on `notebookDir` (with `env` added to the suite's) and waits until it prints its address. */
  static async start(notebookDir: string, args: string[] = ['--port', '0'], env: Record<string, string> = {}): Promise<ServeProcess> {
    if (!existsSync(SERVE_JS)) throw new Error(`${SERVE_JS} is missing: run "npm run build" before the e2e suite.`);
    const child = spawn(process.execPath, [SERVE_JS, '--notebook', notebookDir, ...args], {
      cwd: REPO_ROOT,
      env: appEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServeProcess(child);
    await server.waitUntilReady();
    return server;
  }

  private waitUntilReady(): Promise<void> {
    return new Promise((resolve, reject) => {
      const fail = (why: string) => {
        cleanup();
        this.kill();
        reject(new Error(`Browser mode did not start: ${why}\n--- stdout ---\n${this.stdout}\n--- stderr ---\n${this.stderr}`));
      };
      const onData = () => {
        const end = this.stdout.indexOf('\n');
        if (end === -1) return;
        const match = READY_LINE.exec(this.stdout.slice(0, end));
        if (!match) return fail('its first line on stdout is not "Marginalia is running at <url>"');
        cleanup();
        this.url = match[1] ?? '';
        this.port = Number(match[2]);
        this.token = match[3] ?? '';
        resolve();
      };
      const onExit = (code: number | null) => fail(`it exited (code ${code}) before printing its address`);
      const timer = setTimeout(() => fail(`no address after ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
      const cleanup = () => {
        clearTimeout(timer);
        this.child.stdout?.off('data', onData);
        this.child.off('exit', onExit);
      };
      this.child.stdout?.on('data', onData);
      this.child.once('exit', onExit);
    });
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Sends `signal` (Ctrl+C by default) and waits for the exit; kills it if it hangs. */
  async stop(signal: NodeJS.Signals = 'SIGINT'): Promise<ExitInfo> {
    if (this.running) this.child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), STOP_TIMEOUT_MS)));
    const outcome = await Promise.race([this.exited, hung]);
    clearTimeout(timer);
    if (outcome === 'hung') {
      this.kill();
      throw new Error(`Browser mode did not exit within ${STOP_TIMEOUT_MS / 1000} s of ${signal}.\n${this.stderr}`);
    }
    return outcome;
  }

  /** Last resort for teardown: no process outlives its test. */
  kill(): void {
    if (this.running) this.child.kill('SIGKILL');
  }
}
