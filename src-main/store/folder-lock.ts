/**
 * One process per notebook folder on a machine: two writers (say the desktop app and browser
 * mode) on the same files would overwrite each other's changes. The lock file, `notebook.lock`,
 * names its owner (see lock-owner.ts) and a lock whose owner is provably gone (a crash) is
 * taken over.
 *
 * A lock appears whole or not at all: its text is written to a temporary file that is then
 * hard-linked to the lock's name, and `link` fails when the name exists. (Creating the lock
 * and then writing into it left a moment when it was empty; a second process read that as a
 * dead owner's lock, deleted it, and both opened the notebook.)
 *
 * Taking over a stale lock is where two processes can both win: both read the dead owner's
 * lock, one deletes it and makes its own, then the other, still acting on what it read, deletes
 * the new lock and makes its own. A file system offers no "delete this name only if it still
 * holds what I read". So the right to delete one particular stale lock is itself a lock,
 * `notebook.lock.break-<digest of the stale text>`, taken the same exclusive way: only its
 * holder deletes, and only after reading, while holding it, that the lock is still that same
 * text (every lock's text carries a random token, so a new lock never reads the same). Nothing
 * else removes a lock while its owner is alive, so the text cannot change between that check and
 * the delete (short of a sync service carrying another machine's release in that instant; across
 * machines the lock only warns anyway). The breaker then tries for the lock like anyone else, so
 * exactly one process ends up owning it. A breaker that dies holding its break lock leaves a
 * stale break lock, which is broken the same way one level down.
 *
 * A notebook folder may live in Dropbox, OneDrive, Syncthing or on a network share, which carry
 * the lock file to a colleague's machine, where its process id means nothing. A lock of another
 * machine therefore never refuses: it is taken over (the notebook opens there too), and the
 * caller warns that two people are editing at once (see `lockHolderElsewhere`). Whatever the
 * sync service does meanwhile, each machine releases only a lock that still names it.
 */
import { createHash } from 'node:crypto';
import { link, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { NotebookError } from '../common/errors';
import { ownerState, parseLockOwner, thisMachine, thisProcessAsOwner, type LockOwner, type OwnerState, type ProcessProbe } from './lock-owner';
import { LOCK_FILE } from './notebook-files';

export { parseLockOwner, type LockOwner } from './lock-owner';

/** Break locks of break locks: each level needs a process to die inside a few milliseconds' window. */
const MAX_DEPTH = 4;
/** Tries before giving up: each one takes the lock, refuses, or removes a stale lock (progress). */
const MAX_ATTEMPTS = 8;
/**
 * Where hard links are not supported the lock is created and then written (see `place`): an
 * unreadable lock younger than this may be one being written, so it is left alone.
 */
const BEING_WRITTEN_MS = 10_000;
const BREAK_MARK = '.break-';

let tempCounter = 0;

async function readLock(path: string): Promise<{ text: string; mtimeMs: number } | null> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    return { text, mtimeMs: info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Some file systems (FAT, exFAT, some network shares) have no hard links. */
const noHardLinks = (code: string | undefined) => code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS' || code === 'EXDEV';

/** Creates `path` holding `text` if nothing is there; false when something is. */
async function place(path: string, text: string): Promise<boolean> {
  // A name the store sweeps when it opens (see atomic-file.ts), should this process die here.
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${++tempCounter}.tmp`);
  for (let swept = 0; ; swept++) {
    try {
      await writeTo(temp, text, 'w');
      await link(temp, path);
      return true;
    } catch (error) {
      const { code, syscall } = error as NodeJS.ErrnoException;
      if (code === 'EEXIST') return false;
      // The process holding the folder swept our temporary file away as a leftover: write it again.
      if (code === 'ENOENT' && syscall === 'link' && swept < 3) continue;
      if (!noHardLinks(code)) throw error;
      return placeWithoutLinks(path, text);
    } finally {
      await rm(temp, { force: true });
    }
  }
}

async function writeTo(path: string, text: string, flags: 'w' | 'wx'): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}

/** Exclusive creation, then the text: the lock is briefly empty, which readers allow for (BEING_WRITTEN_MS). */
async function placeWithoutLinks(path: string, text: string): Promise<boolean> {
  try {
    await writeTo(path, text, 'wx');
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Where the right to remove the lock at `path` holding `staleText` is taken (exported for tests). */
export const breakPathOf = (path: string, staleText: string): string => `${path}${BREAK_MARK}${createHash('sha256').update(staleText).digest('hex').slice(0, 20)}`;

type Attempt = { held: true; text: string } | { held: false; owner: LockOwner | null };

/**
 * Takes the lock at `path` for this process, breaking one whose owner is gone or on another
 * machine (see the top of this file); answers who holds it otherwise.
 */
async function acquire(path: string, probe: ProcessProbe, depth: number): Promise<Attempt> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const text = JSON.stringify(thisProcessAsOwner(probe));
    if (await place(path, text)) return { held: true, text };
    const found = await readLock(path);
    if (!found) continue; // released meanwhile
    const owner = parseLockOwner(found.text);
    const state: OwnerState = owner ? ownerState(owner, probe) : Date.now() - found.mtimeMs < BEING_WRITTEN_MS ? 'held' : 'gone';
    if (state === 'held' || depth >= MAX_DEPTH) return { held: false, owner };
    // Gone, unreadable, or another machine's: become the one process that may remove this very lock.
    const breakPath = breakPathOf(path, found.text);
    const breaker = await acquire(breakPath, probe, depth + 1);
    if (!breaker.held) return { held: false, owner: breaker.owner ?? owner };
    try {
      if ((await readLock(path))?.text === found.text) await rm(path, { force: true });
    } finally {
      await rm(breakPath, { force: true });
    }
  }
  throw new NotebookError('unavailable', `Could not lock the notebook folder: ${path} keeps changing. If no Marginalia is running, delete it and try again.`);
}

/** Break locks a breaker left when it died after its work was done (only ever read while breaking a lock). */
async function removeBreakLeftovers(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) if (name.startsWith(`${LOCK_FILE}${BREAK_MARK}`)) await rm(join(dir, name), { force: true });
}

async function readOwner(path: string): Promise<LockOwner | null> {
  return parseLockOwner(await readFile(path, 'utf8').catch(() => ''));
}

/**
 * The owner of the folder's lock when it is another machine (the folder is synced and open
 * there too), else null. Read before `lockFolder`, which takes such a lock over.
 */
export async function lockHolderElsewhere(dir: string): Promise<LockOwner | null> {
  const owner = await readOwner(join(dir, LOCK_FILE));
  return owner && owner.host !== undefined && owner.host !== hostname() ? owner : null;
}

export interface FolderLock {
  release(): Promise<void>;
}

/** What a person reads when the folder is taken: who has it, and how to free it if nobody does. */
function refusal(path: string, owner: LockOwner | null): NotebookError {
  const who = owner ? ` (process ${owner.pid})` : '';
  return new NotebookError(
    'unavailable',
    `This notebook is already open in another Marginalia${who}. Close it there first, or choose another folder with --notebook. If no Marginalia is running, delete ${path} and try again.`,
  );
}

/**
 * Takes the folder for this process, or refuses with a `NotebookError` naming the lock file
 * while a live process on this machine holds it. Pass `probe` only to test.
 */
export async function lockFolder(dir: string, probe: ProcessProbe = thisMachine()): Promise<FolderLock> {
  const path = join(dir, LOCK_FILE);
  const attempt = await acquire(path, probe, 0);
  if (!attempt.held) throw refusal(path, attempt.owner);
  await removeBreakLeftovers(dir);
  const mine = attempt.text;
  return {
    // A colleague's machine may have taken the lock over through the sync service since:
    // removing it then would drop their claim, so only a lock that still names us goes.
    release: async () => {
      if ((await readLock(path))?.text === mine) await rm(path, { force: true });
    },
  };
}
