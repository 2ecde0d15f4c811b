/**
 * Finds the Electron binary without `require('electron')`, which would try to download it
 * (and fails on machines without GitHub access).
 */
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from './paths';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function findElectronBinary(root: string = REPO_ROOT, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
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
