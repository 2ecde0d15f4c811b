/** Sets aside a file that cannot be read, so the rest of the notebook still opens. */
import { mkdir, rename } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { QuarantinedFile } from '../common/model';
import { QUARANTINE_DIR } from './notebook-files';

export async function quarantineFile(dir: string, path: string, reason: string, now: Date): Promise<QuarantinedFile> {
  const target = join(dir, QUARANTINE_DIR, `${now.toISOString().replace(/[:.]/g, '-')}-${basename(path)}`);
  await mkdir(join(dir, QUARANTINE_DIR), { recursive: true });
  await rename(path, target);
  return { file: relative(dir, path), movedTo: relative(dir, target), reason };
}
