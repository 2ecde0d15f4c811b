/**
 * What each record file was when this machine last knew it — its size and modification time,
 * and the version of the record it held — kept from one session to the next, so a file
 * changed while Marginalia was closed (a colleague's edit that Dropbox delivered overnight, a
 * file restored by hand) is taken in on open instead of being served from a cache that
 * describes the old one, and overwritten with it at the next edit.
 *
 * Looking costs one `stat` per file, not a read: only files whose stamp differs are read. A file
 * this machine has no stamp for (every file, the first time) is stamped as it is: the store read
 * what was new to it on open.
 *
 * The stamps are this machine's alone (its clock and file system wrote them), in a file named for
 * the machine, since a synced folder carries every file to every colleague. They are saved on
 * close and now and then while open; after a crash, the files written since the last save
 * differ from their stamps and are taken in again, which costs a write each and changes nothing.
 */
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../store/atomic-file';
import { fileStamp } from '../../store/file-stamp';
import type { FolderKind } from './record-files';

/**
 * A file's stamp as store/file-stamp.ts makes it (modification time and size): the one the
 * store's change events carry. A file written elsewhere has that machine's time. The inode is
 * left out: a folder copied or restored with its times (cp -p, rsync -a, a backup) still holds
 * the same files, and reading every one again would cost minutes at 10,000 articles.
 */
export type FileStamp = string;

/** A record file as this machine last knew it. `version` is absent when it was stamped unread. */
export interface KnownFile {
  stamp: FileStamp;
  version?: string;
}

export const stampKey = (kind: FolderKind, id: string): string => `${kind}:${id}`;

/** The stamp of the file at `path` now; null when there is none. */
export const stampOf = (path: string): Promise<FileStamp | null> => fileStamp(path);

const STAMPS_VERSION = 1;

/** This machine's stamps file in the notebook folder. */
export function stampsPath(dir: string, host = hostname()): string {
  return join(dir, `file-stamps.${host.replace(/[^A-Za-z0-9._-]/g, '_') || 'this-machine'}.json`);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{ stamp: string, version?: string }`. */
function isKnownFile(value: unknown): value is KnownFile {
  return isObject(value) && typeof value.stamp === 'string' && (value.version === undefined || typeof value.version === 'string');
}

/**
 * The stamps in a stamps file's JSON, or null when it is not one. Checked by hand rather than
 * with a zod schema, which took ~110 ms of the open at 50,000 articles; one entry that is not a
 * stamp makes the whole file suspect.
 */
export function stampsIn(json: unknown): Map<string, KnownFile> | null {
  if (!isObject(json) || json.version !== STAMPS_VERSION || !isObject(json.files)) return null;
  const files = new Map<string, KnownFile>();
  for (const [key, file] of Object.entries(json.files)) {
    if (!isKnownFile(file)) return null;
    files.set(key, { stamp: file.stamp, ...(file.version === undefined ? {} : { version: file.version }) });
  }
  return files;
}

/** The stamps saved by this machine's last session; empty when there are none or they cannot be read (every file is then stamped as it is). */
export async function loadStamps(path: string): Promise<Map<string, KnownFile>> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return new Map();
  try {
    return stampsIn(JSON.parse(text)) ?? new Map();
  } catch {
    return new Map();
  }
}

export async function saveStamps(path: string, files: ReadonlyMap<string, KnownFile>): Promise<void> {
  await writeFileAtomic(path, JSON.stringify({ version: STAMPS_VERSION, files: Object.fromEntries(files) }));
}

/** A record file found on open, with its stamp then. */
export interface FoundFile {
  kind: FolderKind;
  id: string;
  path: string;
  stamp: FileStamp;
}

/** Stats at once: enough to keep a disk busy, few enough not to run out of file handles. */
const AT_ONCE = 64;

/** The stamps of `files` now (those gone meanwhile left out). */
export async function stampFiles(files: readonly Omit<FoundFile, 'stamp'>[]): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  for (let from = 0; from < files.length; from += AT_ONCE) {
    const slice = files.slice(from, from + AT_ONCE);
    const stamps = await Promise.all(slice.map((file) => stampOf(file.path)));
    slice.forEach((file, index) => {
      const stamp = stamps[index];
      if (stamp) found.push({ ...file, stamp });
    });
  }
  return found;
}
