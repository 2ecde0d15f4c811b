/** Temporary folders for tests that use the real file system; removed after each test. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const created: string[] = [];

afterEach(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

export async function tempDir(label = 'notebook'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `marginalia-${label}-`));
  created.push(dir);
  return dir;
}
