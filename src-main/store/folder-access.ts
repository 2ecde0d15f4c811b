/**
 * A notebook folder that may not be written — on a read-only disk (a mounted image, a locked SD
 * card, a network share mounted read-only) or without write permission — is opened read-only:
 * everything in it can be read, searched and exported, and every write is refused with the
 * words below before anything is tried. Nothing is written at all, not even the lock: a folder
 * nobody can write cannot be changed under the reader by another Marginalia on this machine.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';

/** The error codes of a folder that refuses writes (as opposed to a full disk, which may pass). */
const REFUSING = new Set(['EROFS', 'EACCES', 'EPERM']);

/** The code, when `error` is the file system refusing to write at all; undefined otherwise. */
export function writeRefusedCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code !== undefined && REFUSING.has(code) ? code : undefined;
}

/**
 * Asks the system whether `dir` may be written, without writing: a read-only disk or a folder
 * without write permission says so here. (A network share may say yes and refuse the write: the
 * lock, the first write of an open, finds that out.) Undefined when it may, or when it is not there.
 */
export async function folderRefusesWrites(dir: string): Promise<string | undefined> {
  try {
    await access(dir, constants.W_OK);
    return undefined;
  } catch (error) {
    return writeRefusedCode(error);
  }
}

/** What the window says of a read-only notebook, and what every refused write answers. */
export function readOnlyWords(dir: string, code: string): string {
  const why = code === 'EROFS' ? 'it is on a disk that is read-only' : 'Marginalia may not write to it (permission denied)';
  return (
    `This notebook’s folder is read-only: ${why}, so you can read, search and export it, but changes cannot be saved. ` +
    `To work in it, copy the folder somewhere you can write, or make ${dir} writable, then open it again.`
  );
}
