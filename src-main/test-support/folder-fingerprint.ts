/**
 * What a notebook folder holds, file by file (path → SHA-256 of the bytes), to prove that a
 * refused call changed nothing. Directories are walked in full, hidden ones included (a
 * shared notebook's `.git`); `ignore` names paths (relative, with `/`) whose bytes may change
 * without anything having been written — see the callers for which and why.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export type Fingerprint = Map<string, string>;

export async function fingerprint(dir: string, ignore: (path: string) => boolean = () => false): Promise<Fingerprint> {
  const files: Fingerprint = new Map();
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      const path = relative(dir, full).split(sep).join('/');
      if (ignore(path)) continue;
      if (entry.isDirectory()) await walk(full);
      else files.set(path, createHash('sha256').update(await readFile(full)).digest('hex'));
    }
  };
  await walk(dir);
  return files;
}

/** The paths added, removed or changed between two fingerprints (empty when none). */
export function fingerprintChanges(before: Fingerprint, after: Fingerprint): string[] {
  const changed: string[] = [];
  for (const [path, hash] of after) if (before.get(path) !== hash) changed.push(before.has(path) ? `changed ${path}` : `added ${path}`);
  for (const path of before.keys()) if (!after.has(path)) changed.push(`removed ${path}`);
  return changed.sort();
}

/**
 * What a notebook saves in the background on its own schedule, whatever the calls did: the
 * search index (a while after a write) and this machine's file stamps (once a minute). A test
 * that proves a refused call wrote nothing leaves these out, or a slow machine fails it.
 */
export const savedInBackground = (path: string): boolean => path.startsWith('search-index/') || /^file-stamps\.[^/]*\.json$/.test(path);
