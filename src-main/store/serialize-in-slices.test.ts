import { describe, expect, it } from 'vitest';
import { serializeInSlices } from './serialize-in-slices';
import { ValidatedJsonFile } from './validated-json-file';

describe('serializing in slices', () => {
  it('writes the same text as stringifying at once', async () => {
    const samples: unknown[] = [
      {},
      { a: [] },
      { schemaVersion: 3, legend: { yellow: 'Key' }, articles: [{ id: 'a', tags: ['x', 'y'], nested: { deep: [1, { two: 'line\nbreak' }] } }, { id: 'b', tags: [] }], counts: { a: 1 }, note: 'n', skipped: undefined },
      { list: [null, 1, 'two', [3], { four: undefined }] },
    ];
    for (const data of samples) expect(await serializeInSlices(data)).toBe(ValidatedJsonFile.serialize(data));
  });

  it('writes the data as it was when called, though it changes while the text is produced', async () => {
    const articles = Array.from({ length: 20_000 }, (_, i) => ({ id: `art_${i}`, title: `Title ${i} `.repeat(10) }));
    const data = { articles, counts: { art_0: 1 } };
    const expected = ValidatedJsonFile.serialize(data);
    const writing = serializeInSlices(data);
    // Changes as the cache makes them: a record replaced, one added, one removed, a count set.
    articles[0] = { id: 'art_0', title: 'Replaced' };
    articles.push({ id: 'art_new', title: 'Added' });
    articles.splice(5, 1);
    data.counts.art_0 = 2;
    expect(await writing).toBe(expected);
  });
});
