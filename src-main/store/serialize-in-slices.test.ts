import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeInSlices } from './serialize-in-slices';
import { ValidatedJsonFile } from './validated-json-file';

/** The text the chunks hold, once their digest is checked against it. */
async function writtenText(data: unknown): Promise<string> {
  const { chunks, digest } = await serializeInSlices(data);
  const bytes = Buffer.concat(chunks);
  expect(digest).toBe(createHash('sha256').update(bytes).digest('hex'));
  return bytes.toString('utf8');
}

describe('serializing in slices', () => {
  it('writes the same text as stringifying at once', async () => {
    const samples: unknown[] = [
      {},
      { a: [] },
      { schemaVersion: 3, legend: { yellow: 'Key' }, articles: [{ id: 'a', tags: ['x', 'y'], nested: { deep: [1, { two: 'line\nbreak' }] } }, { id: 'b', tags: [] }], counts: { a: 1 }, note: 'n', skipped: undefined },
      { list: [null, 1, 'two', [3], { four: undefined }] },
    ];
    for (const data of samples) expect(await writtenText(data)).toBe(ValidatedJsonFile.serialize(data));
  });

  it('writes the same text for any JSON value, large ones walked a part at a time', async () => {
    // Arrays and objects up to 200 long, so values past the size stringified at once are walked.
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined)),
      tree: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('tree'), { maxLength: 200 }), fc.dictionary(fc.string(), tie('tree'), { maxKeys: 200 })),
    })).tree;
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), value), async (data) => {
        expect(await writtenText(data)).toBe(ValidatedJsonFile.serialize(data));
      }),
      { numRuns: 200 },
    );
  });

  it('writes a large, deep document tree as JSON.stringify would', async () => {
    // A page kept whole: 2,000 rows of cells inside 256 nested sections (the deepest an import keeps).
    const rows = Array.from({ length: 2_000 }, (_, row) => ({ type: 'row', children: Array.from({ length: 10 }, (_, cell) => ({ type: 'cell', text: `${row}:${cell}` })) }));
    let doc: unknown = { type: 'table', children: rows };
    for (let depth = 0; depth < 256; depth += 1) doc = { type: 'section', children: [doc, { type: 'p', text: 'é €' }] };
    const data = { schemaVersion: 3, article: { id: 'art_1', doc }, annotations: [] };
    expect(await writtenText(data)).toBe(ValidatedJsonFile.serialize(data));
  });

  it('writes the data as it was when called, though it changes while the text is produced', async () => {
    // Two-, three- and four-byte characters throughout: the text spans ~200 chunks.
    const articles = Array.from({ length: 20_000 }, (_, i) => ({ id: `art_${i}`, title: `Títle ${i} € 𝄞 `.repeat(10) }));
    const data = { articles, counts: { art_0: 1 } };
    const expected = ValidatedJsonFile.serialize(data);
    const writing = writtenText(data);
    // Changes as the cache makes them: a record replaced, one added, one removed, a count set.
    articles[0] = { id: 'art_0', title: 'Replaced' };
    articles.push({ id: 'art_new', title: 'Added' });
    articles.splice(5, 1);
    data.counts.art_0 = 2;
    expect(await writing).toBe(expected);
  });
});
