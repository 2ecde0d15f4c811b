import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from '../common/zod';
import { tempDir } from '../test-support/temp-dir';
import { INDEX_DIGEST_FILE, IndexFile } from './index-file';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import { UnreadableFileError } from './validated-json-file';

const schema = z.object({ schemaVersion: z.number().int(), titles: z.array(z.string()) }).strict();
type Index = z.infer<typeof schema>;

async function written(data: Index): Promise<{ dir: string; path: string }> {
  const dir = await tempDir();
  const path = join(dir, 'notebook.json');
  await new IndexFile(path, schema).write(data);
  return { dir, path };
}

describe('the index file and its digest', () => {
  const index: Index = { schemaVersion: CURRENT_SCHEMA_VERSION, titles: ['One', 'Two'] };

  it('trusts, without the schema pass, exactly the text it wrote', async () => {
    const { path } = await written(index);
    const file = new IndexFile(path, schema);
    expect(await file.read()).toEqual(index);
    expect(file.trusted).toBe(true);
    expect(file.lastRead).toEqual({ from: CURRENT_SCHEMA_VERSION, migrated: false });
  });

  it('trusts a file of many pieces, characters of two to four bytes lying across their ends', async () => {
    // Written and hashed 32,768 UTF-16 units at a time, read 64 KiB at a time: the file is ~1.2 MB.
    const titles = Array.from({ length: 40_000 }, (_, n) => `${n} ${n % 3 === 0 ? 'héron' : n % 3 === 1 ? '🦩 flamingo' : 'crane'} — ${'é'.repeat(n % 5)}`);
    const large: Index = { schemaVersion: CURRENT_SCHEMA_VERSION, titles };
    const { path } = await written(large);
    expect((await readFile(path)).length).toBeGreaterThan(16 * 64 * 1024);
    const file = new IndexFile(path, schema);
    expect(await file.read()).toEqual(large);
    expect(file.trusted).toBe(true);
  });

  it('validates a file edited after it was written, and reports one that is not valid', async () => {
    const { path } = await written(index);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('"Two"', '"Three"'));
    const edited = new IndexFile(path, schema);
    expect(await edited.read()).toEqual({ ...index, titles: ['One', 'Three'] });
    expect(edited.trusted).toBe(false);
    // Once validated, the same text is trusted on the next open.
    const again = new IndexFile(path, schema);
    expect(await again.read()).toEqual({ ...index, titles: ['One', 'Three'] });
    expect(again.trusted).toBe(true);

    await writeFile(path, text.replace('"Two"', '2'));
    await expect(new IndexFile(path, schema).read()).rejects.toBeInstanceOf(UnreadableFileError);
  });

  it('validates a file whose digest is missing or belongs to an earlier version (a crash between the two writes)', async () => {
    const { dir, path } = await written(index);
    const earlierDigest = await readFile(join(dir, INDEX_DIGEST_FILE), 'utf8');
    await new IndexFile(path, schema).write({ ...index, titles: ['Later'] });
    await writeFile(join(dir, INDEX_DIGEST_FILE), earlierDigest);
    const stale = new IndexFile(path, schema);
    expect(await stale.read()).toEqual({ ...index, titles: ['Later'] });
    expect(stale.trusted).toBe(false);
  });

  it('reads a missing file as no file', async () => {
    const dir = await tempDir();
    expect(await new IndexFile(join(dir, 'notebook.json'), schema).read()).toBeNull();
  });
});
