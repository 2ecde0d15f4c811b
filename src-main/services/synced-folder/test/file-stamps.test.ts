import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test-support/temp-dir';
import { loadStamps, saveStamps, stampsIn, type KnownFile } from '../file-stamps';

describe('the stamps file', () => {
  it('reads back what was saved', async () => {
    const path = join(await tempDir('file-stamps'), 'file-stamps.test.json');
    const files = new Map<string, KnownFile>([
      ['article:art_aaaaaaaa', { stamp: '1700000000000:2048', version: '3-abc' }],
      ['note:nte_bbbbbbbb', { stamp: '1700000000001:512' }],
    ]);
    await saveStamps(path, files);
    expect(await loadStamps(path)).toEqual(files);
  });

  it('is read as nothing known when missing or not JSON', async () => {
    const dir = await tempDir('file-stamps');
    expect(await loadStamps(join(dir, 'none.json'))).toEqual(new Map());
    await writeFile(join(dir, 'cut.json'), '{"version":1,"files":{"article:art_a');
    expect(await loadStamps(join(dir, 'cut.json'))).toEqual(new Map());
  });

  it.each([
    ['another version', { version: 2, files: {} }],
    ['files that are not an object', { version: 1, files: [] }],
    ['an entry without a stamp', { version: 1, files: { 'article:art_a': { version: 'v' } } }],
    ['a stamp that is not text', { version: 1, files: { 'article:art_a': { stamp: 12 } } }],
    ['a version that is not text', { version: 1, files: { 'article:art_a': { stamp: '1:1', version: 3 } } }],
    ['an entry that is not an object', { version: 1, files: { 'article:art_a': '1:1' } }],
  ])('refuses a file with %s (every file is then stamped anew)', (_name, json) => {
    expect(stampsIn(json)).toBeNull();
  });

  it('keeps only the stamp and the version of an entry', () => {
    expect(stampsIn({ version: 1, files: { 'article:art_a': { stamp: '1:1', extra: 'x' } } })).toEqual(new Map([['article:art_a', { stamp: '1:1' }]]));
  });
});
