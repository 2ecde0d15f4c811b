import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-dir';
import { AtomicFileWriter, writeFileAtomic } from './atomic-file';

describe('atomic file writes', () => {
  it('replaces the file whole and leaves no temp files', async () => {
    const dir = await tempDir('atomic');
    const path = join(dir, 'f.json');
    await writeFileAtomic(path, 'first');
    await writeFileAtomic(path, 'second');
    expect(await readFile(path, 'utf8')).toBe('second');
    expect(await readdir(dir)).toEqual(['f.json']);
  });

  it('coalesces overlapping writes and ends with the newest data', async () => {
    const dir = await tempDir('atomic');
    const writer = new AtomicFileWriter(join(dir, 'f.json'));
    await Promise.all(Array.from({ length: 50 }, (_, i) => writer.write(`v${i}`)));
    expect(await readFile(join(dir, 'f.json'), 'utf8')).toBe('v49');
  });

  it('rejects when the folder is gone, without leaving a temp file', async () => {
    const dir = await tempDir('atomic');
    await expect(writeFileAtomic(join(dir, 'missing/f.json'), 'x')).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual([]);
  });
});
