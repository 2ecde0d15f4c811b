// Browser mode and Chromium for the screenshot scripts (build first: `npm run build`).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

/** Starts browser mode on `notebookDir`; answers its address, an API caller and `stop()` (Ctrl+C). */
export async function startBrowserMode(notebookDir) {
  const server = spawn(process.execPath, ['out/main/serve.js', '--notebook', notebookDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /Marginalia is running at (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    server.once('exit', () => reject(new Error('browser mode exited')));
  });
  const address = new URL(url);
  const token = new URLSearchParams(address.hash.slice(1)).get('token');
  /** Calls the notebook API as the renderer does; throws with the notebook's message on failure. */
  const call = async (method, arg) => {
    const response = await fetch(new URL(`/api/${method}`, address.origin), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(arg),
    });
    const answer = await response.json();
    if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
    return answer.value;
  };
  const stop = async () => {
    server.kill('SIGINT');
    await new Promise((resolve) => server.once('exit', resolve));
  };
  return { url, call, stop };
}

/** Debian's Chromium with the switches that keep it quiet on a closed network; its caches go to `home`. */
export async function launchChromium() {
  const home = mkdtempSync(join(tmpdir(), 'marginalia-chromium-'));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home },
  });
  return { browser, home };
}
