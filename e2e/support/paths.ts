/** Where the e2e suite finds the built app. */
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** Browser mode's entry (built by `npm run build`). */
export const SERVE_JS = resolve(REPO_ROOT, 'out/main/serve.js');
/** The Electron app's entry. */
export const ELECTRON_MAIN_JS = resolve(REPO_ROOT, 'out/main/index.js');

/**
 * The environment for processes the suite starts. lowdb's `JSONFilePreset` keeps everything
 * in memory when NODE_ENV is "test", which would make every restart test pass vacuously or
 * fail mysteriously; the app under test runs as it does for a user.
 */
export function appEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_ENV;
  return env;
}
