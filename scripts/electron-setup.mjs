// `node scripts/electron-setup.mjs install` (npm's postinstall) and `… start` (before
// `npm start`): make sure the Electron binary is there, downloading it once when it is not.
// install: never fails the install (offline, CI, a proxy): one line of guidance, exit 0.
// start:   the same line, then exit 1, so `npm start` ends with a sentence, not a stack trace.
import { ensureElectron } from './electron-binary.mjs';

const mode = process.argv[2];
if (mode !== 'install' && mode !== 'start') {
  console.error('usage: node scripts/electron-setup.mjs install|start');
  process.exit(2);
}

try {
  const result = await ensureElectron();
  if (result.status === 'downloaded') console.warn(`Electron downloaded: ${result.path}`);
  if (result.status === 'missing') {
    console.warn(result.guidance);
    process.exitCode = mode === 'start' ? 1 : 0;
  }
} catch (error) {
  // A bug here must not break `npm install` either.
  console.warn(`Electron could not be checked: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = mode === 'start' ? 1 : 0;
}
