/**
 * The file system isomorphic-git works through, with one change: a file is written whole or
 * not at all (a temporary file renamed into place). isomorphic-git writes refs, the index and
 * objects in place, so a process killed mid-write could leave a branch pointing at half a
 * line; with this, a sync killed at any point leaves the repository as it was before the
 * write or after it, and the next sync carries on from there.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isLeftoverTemp } from '../../store/atomic-file';

let counter = 0;

async function writeFileWhole(path: string, data: string | Uint8Array, options?: { mode?: number } | string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${++counter}.tmp`);
  try {
    await fs.writeFile(temp, data, typeof options === 'object' && options.mode !== undefined ? { mode: options.mode } : undefined);
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/** A promise-based fs client for isomorphic-git (see its FsClient). */
export const gitFs = {
  promises: {
    readFile: fs.readFile,
    writeFile: writeFileWhole,
    unlink: fs.unlink,
    readdir: fs.readdir,
    mkdir: fs.mkdir,
    rmdir: fs.rmdir,
    stat: fs.stat,
    lstat: fs.lstat,
    readlink: fs.readlink,
    symlink: fs.symlink,
    chmod: fs.chmod,
  },
};

/**
 * Temporary files a killed write left in the git folder (`.name.<pid>.<n>.tmp`), other than
 * this process's own, which may be writes in flight (this runs when the notebook opens, beside
 * a sync). Only while holding the folder lock: see removeTempLeftovers.
 */
export async function removeLeftovers(gitdir: string): Promise<void> {
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (isLeftoverTemp(entry.name)) await fs.rm(path, { force: true });
    }
  };
  await walk(gitdir);
}
