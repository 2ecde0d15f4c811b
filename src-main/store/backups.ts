/** Rolling snapshots of notebook.json: one per day, and one before every migration. */
import { copyFile, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from '../common/zod';
import { colorLegendSchema } from '../common/annotation-schema';
import type { Claim, ColorLegend } from '../common/model';
import { claimSchema } from '../common/research-schema';
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

/** What a snapshot of notebook.json holds that no record file does (the legend), and its claims. */
export interface Snapshot {
  /** The file's name in backups/. */
  name: string;
  legend?: ColorLegend;
  claims: Claim[];
}

const SNAPSHOT_NAME = /^notebook-(\d{4}-\d{2}-\d{2}|v\d+-before-migration-.+)\.json$/;
const snapshotSchema = z.object({ legend: colorLegendSchema.optional(), claims: z.array(z.unknown()).optional() });

/**
 * The snapshots of notebook.json in backups/, newest first, each read and checked as it is
 * needed; one that cannot be read is passed over (a damaged backup must not stop a restore
 * from an older one). A claim that does not check is left out of its snapshot.
 */
export async function* snapshotsNewestFirst(dir: string): AsyncGenerator<Snapshot> {
  const folder = join(dir, BACKUPS_DIR);
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => SNAPSHOT_NAME.test(name));
  const dated = await Promise.all(names.map(async (name) => ({ name, at: (await stat(join(folder, name)).catch(() => null))?.mtimeMs ?? 0 })));
  for (const { name } of dated.sort((a, b) => b.at - a.at || b.name.localeCompare(a.name))) {
    let parsed;
    try {
      parsed = snapshotSchema.safeParse(JSON.parse(await readFile(join(folder, name), 'utf8')));
    } catch {
      continue;
    }
    if (!parsed.success) continue;
    const claims = (parsed.data.claims ?? []).flatMap((claim) => {
      const checked = claimSchema.safeParse(claim);
      return checked.success ? [checked.data] : [];
    });
    yield { name, ...(parsed.data.legend ? { legend: parsed.data.legend } : {}), claims };
  }
}
