/**
 * The CSL style files shipped with the app (resources/csl, see its README for the licence).
 * The build copies them beside the main bundles (out/main/csl, see electron.vite.config.ts);
 * from the sources (tests, the export worker started through jiti) they are read where they
 * are kept. Read from disk rather than bundled so both threads and every build find them the
 * same way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where the folder is, from this module: an entry (out/main/), a shared chunk (out/main/chunks/), or the sources. */
const CANDIDATES = ['./csl/', '../csl/', '../../../resources/csl/'];

export function cslStyle(file: string): string {
  const here = import.meta.dirname;
  for (const folder of CANDIDATES) {
    const path = resolve(here, folder, file);
    if (existsSync(path)) return readFileSync(path, 'utf8');
  }
  throw new Error(`The citation style ${file} is missing from this installation of Marginalia.`);
}
