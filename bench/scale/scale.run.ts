/**
 * `npm run bench:scale`: the write-path-and-scale table at 1,000 and 10,000 articles
 * (SCALE_SIZES=1000,10000,50000 adds 50,000), on the real host, in Chromium and on the
 * single-file baseline. Prints a table per size and writes bench/results/scale.json.
 * See bench/README.md for what each row measures.
 */
import { resolve } from 'node:path';
import { test } from 'vitest';
import { measureBaseline } from './baseline';
import { ensureNotebook, freshCopy, WORK_DIR } from './build-notebook';
import { measureDiskFloor } from './disk-floor';
import type { RowResult } from './figures';
import { loadWorkload, measureFirstOpen, measureOpens, measureOperations } from './measure-host';
import { measureService } from './measure-service';
import { printSize, saveResults, type SizeResult } from './scale-report';

const SIZES = (process.env.SCALE_SIZES ?? '1000,10000').split(',').map(Number);
/** Host starts timed, page loads (and article opens) in Chromium. */
const OPENS = Number(process.env.SCALE_OPENS ?? 5);
const PAINTS = Number(process.env.SCALE_PAINTS ?? 3);
const RESULTS = resolve(import.meta.dirname, '../results/scale.json');
const log = (line: string) => process.stderr.write(`${line}\n`);

async function measureSize(count: number): Promise<SizeResult> {
  const { builtMs } = await ensureNotebook(count, log);
  const dir = await freshCopy(count, 'run');
  const work = await loadWorkload(dir, count);
  const rows: Record<string, RowResult> = {};
  await measureDiskFloor(WORK_DIR, rows);
  log(`${count}: first open (search index build) …`);
  await measureFirstOpen(dir, work, rows);
  log(`${count}: opens …`);
  await measureOpens(dir, OPENS, rows);
  log(`${count}: painting and operations on the host …`);
  await measureOperations(dir, count, work, PAINTS, rows);
  log(`${count}: service …`);
  await measureService(dir, work, rows);
  log(`${count}: single-file baseline …`);
  const baseline = await measureBaseline(count, resolve(WORK_DIR, `${count}-baseline.json`), work);
  for (const [key, figure] of Object.entries(baseline)) rows[key] = { ...rows[key], baseline: figure };
  return { articles: count, buildSeconds: builtMs === null ? null : builtMs / 1000, rows };
}

test('scale', async () => {
  const sizes: SizeResult[] = [];
  for (const count of SIZES) {
    const result = await measureSize(count);
    printSize(result);
    sizes.push(result);
    await saveResults(RESULTS, sizes);
  }
  log(`Wrote ${RESULTS}`);
});
