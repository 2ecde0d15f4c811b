/** Rolling snapshots of notebook.json: one per day, and one before every migration. */
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BACKUPS_DIR, NOTEBOOK_FILE } from './notebook-files';

const KEEP_DAILY = 7;

export async function snapshotBeforeMigration(dir: string, fromVersion: number, now: Date): Promise<void> {
  await mkdir(join(dir, BACKUPS_DIR), { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  await copyFile(join(dir, NOTEBOOK_FILE), join(dir, BACKUPS_DIR, `notebook-v${fromVersion}-before-migration-${stamp}.json`));
}

/** Copies notebook.json to backups/notebook-YYYY-MM-DD.json once a day; keeps the newest few. */
export async function snapshotDaily(dir: string, now: Date): Promise<void> {
  const backups = join(dir, BACKUPS_DIR);
  await mkdir(backups, { recursive: true });
  const name = `notebook-${now.toISOString().slice(0, 10)}.json`;
  const daily = (await readdir(backups)).filter((f) => /^notebook-\d{4}-\d{2}-\d{2}\.json$/.test(f)).sort();
  if (daily.includes(name)) return;
  await copyFile(join(dir, NOTEBOOK_FILE), join(backups, name));
  for (const old of [...daily, name].sort().slice(0, -KEEP_DAILY)) await rm(join(backups, old), { force: true });
}
