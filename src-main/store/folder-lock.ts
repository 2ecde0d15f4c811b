/**
 * One process per notebook folder: two writers (say the desktop app and browser mode) on the
 * same files would overwrite each other's changes. The lock file holds the owner's pid; a lock
 * whose process is gone (a crash) is taken over.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { NotebookError } from '../common/errors';
import { LOCK_FILE } from './notebook-files';

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface FolderLock {
  release(): Promise<void>;
}

export async function lockFolder(dir: string): Promise<FolderLock> {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { release: () => rm(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(owner) && owner > 0 && processIsAlive(owner)) {
        throw new NotebookError(
          'unavailable',
          `This notebook is already open in another Marginalia (process ${owner}). Close it there first, or choose another folder with --notebook.`,
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new NotebookError('unavailable', `Could not lock the notebook folder ${dir}.`);
}
