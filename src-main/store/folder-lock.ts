/**
 * One process per notebook folder on a machine: two writers (say the desktop app and browser
 * mode) on the same files would overwrite each other's changes. The lock file names its owner —
 * the machine and the process — and a lock whose process is gone (a crash) is taken over.
 *
 * A notebook folder may live in Dropbox, OneDrive, Syncthing or on a network share, which carry
 * the lock file to a colleague's machine, where its process id means nothing. A lock of another
 * machine therefore never refuses: it is taken over (the notebook opens there too), and the
 * caller warns that two people are editing at once (see `lockHolderElsewhere`). Whatever the
 * sync service does meanwhile, each machine releases only a lock that still names it.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { NotebookError } from '../common/errors';
import { LOCK_FILE } from './notebook-files';

/** Who holds a notebook folder. `host` is absent in locks written before it was recorded. */
export interface LockOwner {
  pid: number;
  host?: string;
  /** When it was taken (ISO 8601), when known. */
  since?: string;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const isPid = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;

/** Reads a lock's text: `{"pid", "host", "since"}`, or the bare pid older versions wrote; null when it is neither. */
export function parseLockOwner(text: string): LockOwner | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return isPid(Number(trimmed)) ? { pid: Number(trimmed) } : null;
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  const { pid, host, since } = json as Record<string, unknown>;
  if (!isPid(pid)) return null;
  return { pid, ...(typeof host === 'string' && host !== '' ? { host } : {}), ...(typeof since === 'string' ? { since } : {}) };
}

/** A lock without a host was written on this machine: older versions never shared a folder across machines knowingly. */
const onThisMachine = (owner: LockOwner): boolean => owner.host === undefined || owner.host === hostname();

const sameOwner = (a: LockOwner | null, b: LockOwner): boolean => a !== null && a.pid === b.pid && a.host === b.host;

async function readOwner(path: string): Promise<LockOwner | null> {
  return parseLockOwner(await readFile(path, 'utf8').catch(() => ''));
}

/**
 * The owner of the folder's lock when it is another machine (the folder is synced and open
 * there too), else null. Read before `lockFolder`, which takes such a lock over.
 */
export async function lockHolderElsewhere(dir: string): Promise<LockOwner | null> {
  const owner = await readOwner(join(dir, LOCK_FILE));
  return owner && !onThisMachine(owner) ? owner : null;
}

export interface FolderLock {
  release(): Promise<void>;
}

export async function lockFolder(dir: string): Promise<FolderLock> {
  const path = join(dir, LOCK_FILE);
  const mine: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(JSON.stringify(mine));
      await handle.close();
      return {
        // A colleague's machine may have taken the lock over through the sync service since:
        // removing it then would drop their claim, so only a lock that still names us goes.
        release: async () => {
          if (sameOwner(await readOwner(path), mine)) await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = await readOwner(path);
      if (owner && onThisMachine(owner) && processIsAlive(owner.pid)) {
        throw new NotebookError(
          'unavailable',
          `This notebook is already open in another Marginalia (process ${owner.pid}). Close it there first, or choose another folder with --notebook.`,
        );
      }
      // Gone (a crash), unreadable, or another machine's: take it over.
      await rm(path, { force: true });
    }
  }
  throw new NotebookError('unavailable', `Could not lock the notebook folder ${dir}.`);
}
