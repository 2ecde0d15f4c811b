/**
 * The install step and `npm start` decide about the Electron binary here. The download is faked
 * at the process boundary: each case lays out a temporary project whose
 * `node_modules/electron/install.js` is a small script that succeeds, fails or hangs.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureElectron, findElectronBinary, REPO_ROOT } from './electron-binary.mjs';

const INSTALLERS = {
  /** What electron's installer does when it can download: the binary plus path.txt naming it. */
  works: `
    const fs = require('fs'), path = require('path');
    fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '#!/bin/sh\\n', { mode: 0o755 });
    fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');`,
  /** What it prints offline: an error and its stack. */
  fails: `
    console.error('RequestError: getaddrinfo ENOTFOUND github.com');
    console.error('    at ClientRequest.<anonymous> (node_modules/got/dist/source/core/index.js:970:111)');
    process.exit(1);`,
  /** A silent firewall: the request never answers. */
  hangs: `setInterval(() => {}, 1000);`,
  /** Claims success but leaves nothing behind. */
  liesAboutSuccess: `process.exit(0);`,
};

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A project folder whose electron package has the given installer; it marks each run. */
function projectWith(installer: keyof typeof INSTALLERS): string {
  const root = mkdtempSync(join(tmpdir(), 'marginalia-electron-'));
  roots.push(root);
  const electron = join(root, 'node_modules', 'electron');
  mkdirSync(electron, { recursive: true });
  writeFileSync(join(electron, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0', main: 'index.js' }));
  writeFileSync(join(electron, 'install.js'), `require('fs').writeFileSync(__dirname + '/ran', '');\n${INSTALLERS[installer]}`);
  return root;
}

const installerRan = (root: string) => existsSync(join(root, 'node_modules', 'electron', 'ran'));
const cleanEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
  const env = { ...process.env, ...extra };
  if (!('ELECTRON_EXEC_PATH' in extra)) delete env.ELECTRON_EXEC_PATH;
  if (!('ELECTRON_SKIP_BINARY_DOWNLOAD' in extra)) delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  return env;
};

describe('ensureElectron: the decision before the desktop app starts', () => {
  it('uses a binary that is already there and downloads nothing', async () => {
    const root = projectWith('works');
    const electron = join(root, 'node_modules', 'electron');
    mkdirSync(join(electron, 'dist'));
    writeFileSync(join(electron, 'dist', 'electron'), '', { mode: 0o755 });
    writeFileSync(join(electron, 'path.txt'), 'electron');

    const result = await ensureElectron({ root, env: cleanEnv() });

    expect(result).toEqual({ status: 'present', path: join(electron, 'dist', 'electron') });
    expect(installerRan(root)).toBe(false);
  });

  it('uses ELECTRON_EXEC_PATH when it names an executable', async () => {
    const root = projectWith('works');
    const binary = join(root, 'my-electron');
    writeFileSync(binary, '', { mode: 0o755 });

    expect(await ensureElectron({ root, env: cleanEnv({ ELECTRON_EXEC_PATH: binary }) })).toEqual({ status: 'present', path: binary });
    expect(installerRan(root)).toBe(false);
  });

  it('downloads a missing binary once and then uses it', async () => {
    const root = projectWith('works');

    const result = await ensureElectron({ root, env: cleanEnv() });

    expect(result).toEqual({ status: 'downloaded', path: join(root, 'node_modules', 'electron', 'dist', 'electron') });
    expect(findElectronBinary(root, cleanEnv()).found).toBe(true);
  });

  it('reports why a download failed in one sentence with the way forward, without the stack', async () => {
    const root = projectWith('fails');

    const result = await ensureElectron({ root, env: cleanEnv() });

    expect(installerRan(root)).toBe(true);
    expect(result.status).toBe('missing');
    if (result.status !== 'missing') return;
    expect(result.reason).toBe('RequestError: getaddrinfo ENOTFOUND github.com');
    expect(result.guidance).toMatch(/^Electron could not be downloaded: RequestError: getaddrinfo ENOTFOUND github\.com/);
    for (const hint of ['`npm start` needs it', '`npm run serve`', 'ELECTRON_MIRROR', 'ELECTRON_EXEC_PATH']) expect(result.guidance).toContain(hint);
    expect(result.guidance).not.toContain('\n');
    expect(result.guidance).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('gives up on a download that never answers, within its time bound', async () => {
    const root = projectWith('hangs');

    const result = await ensureElectron({ root, env: cleanEnv(), timeoutMs: 300 });

    expect(result).toMatchObject({ status: 'missing', reason: 'no answer within 0.3 s' });
  });

  it('does not believe an installer that succeeds without leaving a binary', async () => {
    const root = projectWith('liesAboutSuccess');

    const result = await ensureElectron({ root, env: cleanEnv() });

    expect(result).toMatchObject({ status: 'missing', reason: expect.stringContaining('path.txt does not exist') });
  });

  it('does not download when told not to, or when the user named a binary that is not there', async () => {
    const skipped = projectWith('works');
    expect(await ensureElectron({ root: skipped, env: cleanEnv({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }) })).toMatchObject({
      status: 'missing',
      reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set',
    });
    expect(installerRan(skipped)).toBe(false);

    const named = projectWith('works');
    const result = await ensureElectron({ root: named, env: cleanEnv({ ELECTRON_EXEC_PATH: join(named, 'nowhere') }) });
    expect(result).toMatchObject({ status: 'missing', reason: expect.stringContaining('not an executable file') });
    expect(installerRan(named)).toBe(false);
  });
});

describe('npm install and npm start without a binary (a temporary copy of the project)', () => {
  /** The project's package.json and setup scripts, over an electron package that cannot download. */
  function copyOfProject(): string {
    const root = projectWith('fails');
    mkdirSync(join(root, 'scripts'));
    for (const file of ['package.json', 'scripts/electron-binary.mjs', 'scripts/electron-setup.mjs']) copyFileSync(join(REPO_ROOT, file), join(root, file));
    chmodSync(join(root, 'scripts', 'electron-setup.mjs'), 0o755);
    return root;
  }
  const npm = (root: string, script: string) =>
    spawnSync('npm', ['run', '--silent', script], { cwd: root, env: cleanEnv({ CI: '' }), encoding: 'utf8', timeout: 60_000 });

  it('npm start stops before building, with the guidance and a failing exit code', () => {
    const root = copyOfProject();

    const run = npm(root, 'start');

    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('Electron could not be downloaded: RequestError: getaddrinfo ENOTFOUND github.com');
    expect(run.stderr).toContain('`npm run serve` runs Marginalia in your browser');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(root, 'out'))).toBe(false);
  });

  it("the install step's script prints the same guidance and lets the install succeed", () => {
    const root = copyOfProject();

    const run = npm(root, 'postinstall');

    expect(run.status).toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('Electron could not be downloaded');
  });
});
