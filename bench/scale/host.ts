/**
 * Browser mode as the bench drives it: `node out/main/serve.js --notebook DIR --port 0` as a
 * child process, the API over HTTP, and what the kernel knows of the process (RSS, its peak,
 * bytes it caused to be written).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiMethod } from '../../src-main/common/api-methods';
import type { ApiArg, ApiResponse, ApiResults } from '../../src-main/common/api';
import { READY_LINE } from '../../e2e/support/serve-process';
import { REPO_ROOT, SERVE_JS, appEnv } from '../../e2e/support/paths';
import { MB } from './figures';

export interface Host {
  url: string;
  pid: number;
  /** From spawn until the address was printed, in ms. */
  startedInMs: number;
  /** Calls the API as the renderer does; throws with the notebook's message on failure. */
  call<M extends ApiMethod>(method: M, arg: ApiArg<M>): Promise<ApiResults[M]>;
  /** The answer's raw text, for its size. */
  callRaw(method: ApiMethod, arg: unknown): Promise<string>;
  /** Ctrl+C, which flushes every write (and saves the search index). */
  stop(): Promise<void>;
}

/**
 * Loads Node's own `fetch` in this process, once, with one whole exchange with a server of its
 * own. Its first call loads and compiles the HTTP client and its response parser (~100 ms on
 * the 2-core machine): measured in the first call to the host, that is the bench's cost, not
 * the host's, and no window pays it.
 */
let fetchLoaded: Promise<void> | undefined;
const loadFetch = () =>
  (fetchLoaded ??= (async () => {
    const server = createServer((_request, response) => response.end('{}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await (await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: '{}' })).text();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  })());

/** Starts browser mode on `notebookDir` and waits for its one line on stdout. */
export async function startHost(notebookDir: string): Promise<Host> {
  await loadFetch();
  const started = performance.now();
  const child = spawn(process.execPath, [SERVE_JS, '--notebook', notebookDir, '--port', '0'], { cwd: REPO_ROOT, env: appEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const url = await readyUrl(child, () => stderr);
  const startedInMs = performance.now() - started;
  const address = new URL(url);
  const token = new URLSearchParams(address.hash.slice(1)).get('token') ?? '';
  const callRaw = async (method: ApiMethod, arg: unknown) => {
    const response = await fetch(new URL(`/api/${method}`, address.origin), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(arg),
    });
    return response.text();
  };
  const call = async <M extends ApiMethod>(method: M, arg: ApiArg<M>) => {
    const answer = JSON.parse(await callRaw(method, arg)) as ApiResponse<ApiResults[M]>;
    if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
    return answer.value;
  };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    await exited;
    clearTimeout(timer);
  };
  return { url, pid: child.pid!, startedInMs, call, callRaw, stop };
}

function readyUrl(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (text: string) => {
      out += text;
      const line = READY_LINE.exec(out.split('\n')[0] ?? '');
      if (line) resolve(line[1]!);
    });
    child.once('exit', (code) => reject(new Error(`Browser mode exited (code ${code}) before printing its address:\n${stderr()}`)));
  });
}

/** A field of /proc/<pid>/status in MB (VmRSS, VmHWM). */
export async function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return (kb * 1024) / MB;
}

/** Bytes the process caused to be sent to storage so far (/proc/<pid>/io write_bytes). */
export async function writtenBytes(pid: number): Promise<number> {
  const io = await readFile(`/proc/${pid}/io`, 'utf8');
  return Number(/^write_bytes:\s+(\d+)/m.exec(io)?.[1] ?? NaN);
}
