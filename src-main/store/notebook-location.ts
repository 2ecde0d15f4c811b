/**
 * Where the notebook folder is: `--notebook DIR`, else `MARGINALIA_NOTEBOOK`, else
 * `<userData>/notebook`. Browser mode has no Electron `app.getPath('userData')`, so it
 * computes the same folder Electron would use for an app named "Marginalia".
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_NAME = 'Marginalia';

/** Electron's `userData` for this app on each platform, without importing Electron. */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME);
}

/** The value of `--notebook DIR` or `--notebook=DIR`, if given. */
export function notebookArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--notebook') return argv[i + 1];
    if (arg.startsWith('--notebook=')) return arg.slice('--notebook='.length);
  }
  return undefined;
}

export function resolveNotebookDir(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  userDataDir: string,
): string {
  const chosen = notebookArg(argv) ?? env.MARGINALIA_NOTEBOOK;
  return chosen ? resolve(chosen) : join(userDataDir, 'notebook');
}
