/**
 * A notebook file's writes: a large record's text is made a slice at a time, and writes still
 * reach the file in the order they were made.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from '../common/zod';
import { tempDir } from '../test-support/temp-dir';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import { ValidatedJsonFile } from './validated-json-file';

const schema = z.object({ schemaVersion: z.number(), rows: z.array(z.string()) });
type Rows = z.infer<typeof schema>;

/** A file that writes records of more than 1,000 rows in slices. */
async function fileOf() {
  const path = join(await tempDir(), 'record.json');
  return { path, file: new ValidatedJsonFile<Rows>(path, schema, (data) => data.rows.length > 1_000) };
}

const rows = (count: number, label: string) => ({ schemaVersion: CURRENT_SCHEMA_VERSION, rows: Array.from({ length: count }, (_, i) => `${label} ${i}`) });

describe('writing a notebook file', () => {
  it('writes a large record in slices with the same text as at once', async () => {
    const { path, file } = await fileOf();
    const large = rows(50_000, 'row');
    await file.write(large);
    expect(await readFile(path, 'utf8')).toBe(ValidatedJsonFile.serialize(large));
    expect(await file.read()).toEqual(large);
  });

  it('lands writes in the order they were made: a small one made while a large one is produced is not overwritten by it', async () => {
    const { path, file } = await fileOf();
    const large = file.write(rows(50_000, 'older'));
    expect(file.busy).toBe(true);
    const small = file.write(rows(3, 'newest'));
    await Promise.all([large, small]);
    expect(await file.read()).toEqual(rows(3, 'newest'));
    await file.idle();
    expect(file.busy).toBe(false);
    expect(await readFile(path, 'utf8')).toBe(ValidatedJsonFile.serialize(rows(3, 'newest')));
  });

  it('writes the data as it was when the write was made', async () => {
    const { file } = await fileOf();
    const data = rows(5_000, 'as made');
    const writing = file.write(data);
    data.rows = ['replaced'];
    await writing;
    expect(await file.read()).toEqual(rows(5_000, 'as made'));
  });
});
