#!/usr/bin/env node
// The command line, built with the app (`npm run build` writes out/main/cli.js).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('marginalia: the command line is not built yet. Run `npm run build` in the Marginalia folder first.\n');
  process.exit(1);
}
await import(cli);
