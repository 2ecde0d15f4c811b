import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-dir';
import { AtomicFileWriter, removeTempLeftovers, utf8Chunks, writeFileAtomic } from './atomic-file';

describe('atomic file writes', () => {
  it('replaces the file whole and leaves no temp files', async () => {
    const dir = await tempDir('atomic');
    const path = join(dir, 'f.json');
    await writeFileAtomic(path, 'first');
    await writeFileAtomic(path, 'second');
    expect(await readFile(path, 'utf8')).toBe('second');
    expect(await readdir(dir)).toEqual(['f.json']);
  });

  it('writes long text a chunk at a time, byte for byte, even where a chunk would end inside a surrogate pair', async () => {
    // Emoji (two UTF-16 units) at every offset parity, accents and plain text, past the chunk size.
    const text = Array.from({ length: 120_000 }, (_, n) => (n % 3 === 0 ? '🦘' : n % 3 === 1 ? 'é' : `word${n} `)).join('');
    for (const size of [7, 8, 1024]) {
      const chunks = [...utf8Chunks(text, size)];
      expect(chunks.length).toBeGreaterThan(1);
      expect(Buffer.concat(chunks).equals(Buffer.from(text, 'utf8'))).toBe(true);
    }
    const dir = await tempDir('atomic');
    const path = join(dir, 'long.json');
    await writeFileAtomic(path, text.repeat(8));
    expect((await readFile(path)).equals(Buffer.from(text.repeat(8), 'utf8'))).toBe(true);
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

describe('temporary files a crash left', () => {
  it('are deleted, and nothing else: not this process’s own (writes in flight), not files that only look alike', async () => {
    const dir = await tempDir('atomic');
    const names = {
      left: ['.note_a.json.4242.7.tmp', '.notebook.json.1.12.tmp', '.index.bin.31337.1.tmp'],
      kept: [`.note_b.json.${process.pid}.3.tmp`, 'note_a.json', 'note.tmp', '.note_a.json.tmp', '.x.12.tmp', 'a.4242.7.tmp'],
    };
    for (const name of [...names.left, ...names.kept]) await writeFile(join(dir, name), 'x');
    expect((await removeTempLeftovers(dir)).sort()).toEqual([...names.left].sort());
    expect((await readdir(dir)).sort()).toEqual([...names.kept].sort());
  });

  it('are none in a folder that does not exist', async () => {
    expect(await removeTempLeftovers(join(await tempDir('atomic'), 'missing'))).toEqual([]);
  });
});
