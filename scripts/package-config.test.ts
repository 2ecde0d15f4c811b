/**
 * `npm run package` (electron-builder with electron-builder.yml). Electron itself cannot be
 * downloaded here, so this packs the real build and configuration around a stand-in Electron
 * distribution — a file carrying Electron's fuse wire, exactly where @electron/fuses looks for
 * it — and checks what an installer would ship: the validated configuration, the app's entry
 * points inside app.asar, nothing that is not the app, and the fuses flipped in the binary.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { build, Platform, type Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './electron-binary.mjs';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const [ENABLE, DISABLE] = ['1'.charCodeAt(0), '0'.charCodeAt(0)];
/** Electron's defaults in fuse-wire order: RunAsNode … GrantFileProtocolExtraPrivileges. */
const ELECTRON_DEFAULT_WIRE = '10110001';

let work = '';
let asar = '';
let files: string[] = [];
let packagedBinary = '';
/** The configuration electron-builder resolved and validated (electron-builder.yml + overrides). */
let resolved: Configuration | undefined;
let productName = '';

beforeAll(async () => {
  // `npm test` runs unit tests before its build; build here when a fresh clone has none.
  if (!existsSync(join(REPO_ROOT, 'out', 'main', 'index.js'))) {
    const built = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'silent'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`electron-vite build failed: ${built.stderr}`);
  }
  work = mkdtempSync(join(tmpdir(), 'marginalia-package-'));
  const standIn = join(work, 'electron-dist');
  mkdirSync(standIn);
  writeFileSync(join(standIn, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\n# stand-in\n'), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from(ELECTRON_DEFAULT_WIRE)]));
  chmodSync(join(standIn, 'electron'), 0o755);

  await build({
    projectDir: REPO_ROOT,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: {
      electronDist: standIn,
      directories: { buildResources: 'resources', output: join(work, 'dist') },
      afterPack: async (context) => {
        resolved = context.packager.config;
        productName = context.packager.appInfo.productName;
      },
    },
  });
  const unpacked = join(work, 'dist', 'linux-unpacked');
  asar = join(unpacked, 'resources', 'app.asar');
  files = listPackage(asar, { isPack: false }).map((file) => file.split('\\').join('/'));
  packagedBinary = join(unpacked, 'marginalia');
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm run package', () => {
  it('packs the entry points the app loads: package.json main, the preload and the renderer page', () => {
    const manifest = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as { main: string; name: string };
    const entries = [manifest.main, 'out/preload/index.cjs', 'out/renderer/index.html'];
    for (const entry of entries) expect(files).toContain(posix.join('/', entry));
    expect(manifest.name).toBe('marginalia');
  });

  it('ships no tests, sources, notebooks, source maps or local folders', () => {
    const ours = files.filter((file) => !file.startsWith('/node_modules/'));
    const unwanted = ours.filter((file) =>
      /\.(test|spec)\.|\.tsx?$|\.map$|^\/(src-main|src-renderer|e2e|bench|scripts|docs|\.tmp|test-results|dist)(\/|$)|notebook\.json$|\/(articles|claims|notes)\//.test(file),
    );
    expect(unwanted).toEqual([]);
    // Browser mode's entry is not part of the desktop app.
    expect(ours).not.toContain('/out/main/serve.js');
  });

  it('brings the runtime dependencies of the main process and none of the renderer-only ones', () => {
    const modules = new Set(files.filter((file) => /^\/node_modules\/[^/]+$|^\/node_modules\/@[^/]+\/[^/]+$/.test(file)).map((file) => file.slice('/node_modules/'.length)));
    for (const runtime of ['lowdb', 'zod', 'jsdom', 'dompurify', '@mozilla/readability', 'pdfjs-dist', 'markdown-it', 'approx-string-match']) expect(modules).toContain(runtime);
    for (const bundled of ['react', 'react-dom', 'electron', 'vitest', 'typescript']) expect(modules).not.toContain(bundled);
  });

  it('flips the fuses in the packaged binary: no Node mode, no NODE_OPTIONS or --inspect, only the checked app.asar, no file:// privileges', async () => {
    const wire = await getCurrentFuseWire(packagedBinary);
    const fuse = (option: FuseV1Options) => (wire as Record<number, number>)[option];

    expect(fuse(FuseV1Options.RunAsNode)).toBe(DISABLE);
    expect(fuse(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(DISABLE);
    expect(fuse(FuseV1Options.EnableNodeCliInspectArguments)).toBe(DISABLE);
    expect(fuse(FuseV1Options.EnableCookieEncryption)).toBe(ENABLE);
    expect(fuse(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(ENABLE);
    expect(fuse(FuseV1Options.OnlyLoadAppFromAsar)).toBe(ENABLE);
    // The page is served from app://marginalia/; file:// pages get no more than a browser gives them.
    expect(fuse(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(DISABLE);
  });

  it('names the app, its icon and the installer of each platform', () => {
    expect(resolved?.appId).toBe('org.marginalia.notebook');
    expect(productName).toBe('Marginalia');
    expect(resolved?.icon).toBe('resources/icon.png');
    expect(existsSync(join(REPO_ROOT, 'resources', 'icon.png'))).toBe(true);
    expect(resolved?.linux?.target).toEqual(['AppImage', 'deb']);
    expect(resolved?.mac?.target).toBe('dmg');
    expect(resolved?.win?.target).toBe('nsis');
  });
});
