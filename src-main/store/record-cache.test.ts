/**
 * The cache of record files: bounded, and what it lets go is read back from disk as saved; a
 * read never hides a save made while it was in flight.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from '../common/zod';
import { tempDir } from '../test-support/temp-dir';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import { RecordCache } from './record-cache';

const schema = z.object({ schemaVersion: z.number(), text: z.string() }).nullable();
const v = CURRENT_SCHEMA_VERSION;

async function cacheOf(limit: number) {
  const dir = await tempDir();
  return { dir, cache: new RecordCache((id) => join(dir, `${id}.json`), schema, limit) };
}

describe('the record cache', () => {
  it('keeps at most its limit, and reads a record it let go back from disk as it was saved', async () => {
    const { cache } = await cacheOf(3);
    for (let n = 0; n < 10; n++) {
      const db = cache.get(`r${n}`);
      db.data = { schemaVersion: v, text: `record ${n}` };
      await db.write();
    }
    expect(cache.size).toBe(3);
    for (let n = 0; n < 10; n++) expect(await cache.load(`r${n}`)).toEqual({ schemaVersion: v, text: `record ${n}` });
    expect(cache.size).toBe(3);
  });

  it('keeps a record that is being written until the write is done', async () => {
    const { cache } = await cacheOf(1);
    const first = cache.get('a');
    first.data = { schemaVersion: v, text: 'saved' };
    const writing = first.write();
    cache.get('b');
    cache.get('c');
    expect(cache.get('a')).toBe(first);
    await writing;
  });

  it('answers a save made while the file was being read, not what the read found', async () => {
    const { dir, cache } = await cacheOf(10);
    await writeFile(join(dir, 'n.json'), JSON.stringify({ schemaVersion: v, text: 'on disk' }));
    const reading = cache.load('n');
    const db = cache.get('n');
    db.data = { schemaVersion: v, text: 'saved meanwhile' };
    const writing = db.write();
    expect(await reading).toEqual({ schemaVersion: v, text: 'saved meanwhile' });
    await writing;
    expect(await cache.load('n')).toEqual({ schemaVersion: v, text: 'saved meanwhile' });
  });

  it('answers null for a record without a file', async () => {
    const { cache } = await cacheOf(2);
    expect(await cache.load('missing')).toBeNull();
  });
});
