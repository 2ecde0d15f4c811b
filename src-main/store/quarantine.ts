/** Sets aside a file that cannot be read, so the rest of the notebook still opens. */
import { mkdir, rename } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { QuarantinedFile } from '../common/model';
import { QUARANTINE_DIR } from './notebook-files';
import type { UnreadableFileError } from './validated-json-file';

async function quarantineFile(dir: string, path: string, reason: string, now: Date): Promise<QuarantinedFile> {
  const target = join(dir, QUARANTINE_DIR, `${now.toISOString().replace(/[:.]/g, '-')}-${basename(path)}`);
  await mkdir(join(dir, QUARANTINE_DIR), { recursive: true });
  await rename(path, target);
  return { file: relative(dir, path), movedTo: relative(dir, target), reason };
}

/** The files an open notebook has set aside, oldest first, and how each part of it sets one aside. */
export interface Quarantine {
  readonly files: QuarantinedFile[];
  /** Moves the file to backups/quarantine/, adds it to `files`, and returns where it went. */
  setAside(error: UnreadableFileError): Promise<string>;
}

export function quarantineFor(dir: string, now: () => Date): Quarantine {
  const files: QuarantinedFile[] = [];
  return {
    files,
    async setAside(error) {
      const moved = await quarantineFile(dir, error.path, error.reason, now());
      files.push(moved);
      return moved.movedTo;
    },
  };
}
