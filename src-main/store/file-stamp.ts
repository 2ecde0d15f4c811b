/**
 * A record file's stamp: what changes whenever the file is rewritten (its modification time and
 * size). Derived data (the search index) keeps the stamp of each record as it took it in, and
 * on open takes in again every record whose file's stamp differs, so it needs no log of its own
 * and is right after a crash at any moment. Modification times are nanoseconds on the file
 * systems Marginalia meets (ext4, APFS, NTFS); on one that keeps whole seconds, two writes of the
 * same size within a second would look alike.
 */
import { stat } from 'node:fs/promises';

/** The file's stamp, or null when it cannot be read (no such file). */
export async function fileStamp(path: string): Promise<string | null> {
  try {
    const info = await stat(path);
    return `${info.mtimeMs}:${info.size}`;
  } catch {
    return null;
  }
}

/** When the file was written, from its stamp (ms since the epoch). */
export const stampTime = (stamp: string): number => Number.parseFloat(stamp);
