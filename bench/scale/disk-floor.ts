/**
 * What one durable write costs on this disk, for reading the write rows: a store that fsyncs
 * each file, its folder, the journal and the history pays this several times per change.
 */
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { figure, repeat, type RowResult } from './figures';

export async function measureDiskFloor(dir: string, results: Record<string, RowResult>): Promise<void> {
  const path = join(dir, 'fsync-probe.tmp');
  const data = Buffer.alloc(4096, 'x');
  const durations = await repeat(20, async () => {
    const file = await open(path, 'w');
    await file.write(data);
    await file.sync();
    await file.close();
  });
  await rm(path, { force: true });
  results.fsyncFloor = { figure: figure(durations, 'ms'), note: 'open, write 4 KB, fsync, close: the floor under every durable write' };
}
