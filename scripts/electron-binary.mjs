// Finds, and when asked downloads, the Electron binary the desktop app runs in.
//
// Since Electron 42 the `electron` package downloads its binary lazily, the first time
// `require('electron')` runs; electron-vite never triggers that and stops with "Electron
// uninstall". So the install step and `npm start` call electron's own installer here, bounded
// in time, and say in one sentence what to do when it cannot work. Plain JavaScript: it runs in
// `postinstall`, before anything is built. The e2e suite uses `findElectronBinary` too.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The repository root (this file lives in `scripts/`). */
export const REPO_ROOT = join(import.meta.dirname, '..');

/** How long the download may take before it is given up (a silent firewall never answers). */
export const DOWNLOAD_TIMEOUT_MS = 60_000;

/**
 * @typedef {{ found: true, path: string } | { found: false, reason: string }} ElectronBinary
 * @typedef {{ ok: true } | { ok: false, reason: string }} DownloadResult
 * @typedef {{ status: 'present' | 'downloaded', path: string }
 *   | { status: 'missing', reason: string, guidance: string }} EnsureResult
 */

/** @param {string} path */
function isExecutableFile(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Where the Electron binary is, without `require('electron')` (which would start a download):
 * `ELECTRON_EXEC_PATH` when set (electron-vite honours it too), else the file that
 * `node_modules/electron/path.txt` names under `dist/`.
 * @param {string} [root]
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {ElectronBinary}
 */
export function findElectronBinary(root = REPO_ROOT, env = process.env) {
  const override = env.ELECTRON_EXEC_PATH;
  if (override) {
    return isExecutableFile(override)
      ? { found: true, path: override }
      : { found: false, reason: `ELECTRON_EXEC_PATH is ${override}, which is not an executable file` };
  }
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      found: false,
      reason: `${relative(root, pathFile)} does not exist (the electron package has not downloaded its binary); set ELECTRON_EXEC_PATH to use one`,
    };
  }
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return isExecutableFile(binary)
    ? { found: true, path: binary }
    : { found: false, reason: `${relative(root, pathFile)} names ${relative(root, binary)}, which is not there` };
}

/**
 * The first line of an installer's error output that says what went wrong (not a stack frame).
 * @param {string} output
 */
export function firstErrorLine(output) {
  const line = output
    .split('\n')
    .map((text) => text.trim())
    .find((text) => text !== '' && !text.startsWith('at '));
  return line ?? '';
}

/**
 * Runs electron's own installer (`node_modules/electron/install.js`) in a child process and
 * gives up after `timeoutMs`. Never throws.
 * @param {{ root?: string, timeoutMs?: number, env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<DownloadResult>}
 */
export function downloadElectron({ root = REPO_ROOT, timeoutMs = DOWNLOAD_TIMEOUT_MS, env = process.env } = {}) {
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return Promise.resolve({ ok: false, reason: `${relative(root, installer)} is missing; run npm install` });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-16_384);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ ok: false, reason: `no answer within ${timeoutMs / 1000} s` });
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: error.message });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ ok: true });
      else resolve({ ok: false, reason: firstErrorLine(stderr) || (signal ? `the installer was stopped (${signal})` : `the installer exited with ${code}`) });
    });
  });
}

/**
 * The one sentence a person reads when the desktop app cannot start for want of Electron.
 * @param {string} reason
 * @param {string} [nodeVersion]
 */
export function guidance(reason, nodeVersion = process.versions.node) {
  const oldNode = Number(nodeVersion.split('.')[0]) < 22 ? ` (Electron's downloader needs Node 22.13 or newer; this is Node ${nodeVersion})` : '';
  return (
    `Electron could not be downloaded: ${reason}${oldNode}. ` +
    '`npm start` needs it; `npm run serve` runs Marginalia in your browser meanwhile. ' +
    'Set ELECTRON_MIRROR to a mirror of Electron releases (behind a proxy: ELECTRON_GET_USE_PROXY=1 with HTTPS_PROXY) and run `npm start` again, ' +
    'or set ELECTRON_EXEC_PATH to an Electron 45 binary you already have.'
  );
}

/**
 * The binary when it is there; otherwise one download attempt (skipped when
 * `ELECTRON_SKIP_BINARY_DOWNLOAD` is set), and the guidance when that fails.
 * @param {{ root?: string, timeoutMs?: number, env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<EnsureResult>}
 */
export async function ensureElectron({ root = REPO_ROOT, timeoutMs = DOWNLOAD_TIMEOUT_MS, env = process.env } = {}) {
  /** @param {string} reason @returns {EnsureResult} */
  const missing = (reason) => ({ status: 'missing', reason, guidance: guidance(reason) });
  const present = findElectronBinary(root, env);
  if (present.found) return { status: 'present', path: present.path };
  // A binary the user named is not replaced by a download.
  if (env.ELECTRON_EXEC_PATH) return missing(present.reason);
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) return missing('ELECTRON_SKIP_BINARY_DOWNLOAD is set');
  const download = await downloadElectron({ root, timeoutMs, env });
  if (!download.ok) return missing(download.reason);
  const after = findElectronBinary(root, env);
  return after.found ? { status: 'downloaded', path: after.path } : missing(after.reason);
}
