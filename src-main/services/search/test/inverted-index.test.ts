import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvertedIndex } from '../inverted-index';
import { bytesInFile } from '../saved-bytes';

// Copied as they come: a snapshot hands out one array for each of its full chunks.
const concat = (chunks: Iterable<Uint8Array>) => Buffer.concat(Array.from(chunks, (chunk) => Buffer.from(chunk)));

const counts = (text: string) => {
  const map = new Map<string, number>();
  for (const word of text.split(' ')) map.set(word, (map.get(word) ?? 0) + 1);
  return map;
};
const docsOf = (index: InvertedIndex, term: string) => {
  const found: string[] = [];
  index.forEachPosting(term, (doc, tf) => found.push(`${index.keyOf(doc)}:${tf}`));
  return found;
};

describe('the inverted index', () => {
  it('answers postings with counts, replaces a document by key, and forgets a removed one', () => {
    const index = new InvertedIndex();
    index.put('a', counts('red red blue'), 3);
    index.put('b', counts('blue green'), 2);
    expect(docsOf(index, 'red')).toEqual(['a:2']);
    expect(docsOf(index, 'blue')).toEqual(['a:1', 'b:1']);
    index.put('a', counts('green'), 1);
    expect(docsOf(index, 'red')).toEqual([]);
    expect(docsOf(index, 'green')).toEqual(['b:1', 'a:1']);
    index.remove('b');
    expect(docsOf(index, 'green')).toEqual(['a:1']);
    expect(index.size).toBe(1);
  });

  it('lists terms by prefix, most frequent first when there are too many', () => {
    const index = new InvertedIndex();
    index.put('1', counts('climate climb'), 2);
    index.put('2', counts('climate clinic'), 2);
    expect(index.termsWithPrefix('cli', 10).sort()).toEqual(['climate', 'climb', 'clinic']);
    expect(index.termsWithPrefix('cli', 1)).toEqual(['climate']);
    index.put('3', counts('clip'), 1);
    expect(index.termsWithPrefix('clip', 10)).toEqual(['clip']);
  });

  it('round-trips through bytes, dead documents staying dead, and refuses damaged bytes', () => {
    const index = new InvertedIndex();
    for (let i = 0; i < 50; i += 1) index.put(`d${i}`, counts(`common w${i} w${i + 1}`), 3);
    index.remove('d3');
    const bytes = index.serialize();
    const back = InvertedIndex.deserialize(bytes);
    expect(back.size).toBe(49);
    expect(docsOf(back, 'w4')).toEqual(['d4:1']);
    expect(docsOf(back, 'w3')).toEqual(['d2:1']);
    expect(docsOf(back, 'common')).toHaveLength(49);
    back.put('new', counts('common fresh'), 2);
    expect(docsOf(back, 'common')).toHaveLength(50);
    expect(() => InvertedIndex.deserialize(bytes.subarray(0, bytes.length - 4))).toThrow(/wrong size/);
    expect(() => InvertedIndex.deserialize(new Uint8Array(3))).toThrow(/truncated/);
  });

  it('leaves lists of a saved file in the file, and keeps postings added since after them', async () => {
    const index = new InvertedIndex();
    for (let i = 0; i < 20; i += 1) index.put(`d${i}`, counts(`common ${i % 2 ? 'odd' : 'even'} w${i}`), 3);
    const snapshot = index.snapshot();
    index.put('between', counts('odd fresh'), 2);
    const path = join(await mkdtemp(join(tmpdir(), 'marginalia-postings-')), 'index.bin');
    await writeFile(path, concat(snapshot.chunks()));
    expect(index.adopt(snapshot, bytesInFile(path), 0)).toBe(true);
    index.put('after', counts('odd'), 1);
    const odd = [...Array.from({ length: 10 }, (_, i) => `d${2 * i + 1}:1`), 'between:1', 'after:1'];
    expect(docsOf(index, 'odd')).toEqual(odd);
    expect(index.frequency('odd')).toBe(12);
    expect(docsOf(index, 'w3')).toEqual(['d3:1']);

    // Read from the file at each query: the bytes there are what answers.
    const file = await readFile(path);
    const reopened = InvertedIndex.open(bytesInFile(path), 0);
    expect(docsOf(reopened, 'even')).toHaveLength(10);
    const even = reopened.postings('even');
    const at = file.indexOf(Buffer.from(new Uint32Array([even[0]!, even[1]!]).buffer));
    file.writeUInt32LE(even[1]!, at); // the first posting of 'even' now names the second document
    await writeFile(path, file);
    expect(docsOf(reopened, 'even').slice(0, 2)).toEqual(['d2:1', 'd2:1']);
    reopened.close();
    index.close();
  });

  it('does not switch to a saved file the index was compacted after', async () => {
    const index = new InvertedIndex();
    for (let i = 0; i < 10; i += 1) index.put(`d${i}`, counts(`common w${i}`), 2);
    const snapshot = index.snapshot();
    const path = join(await mkdtemp(join(tmpdir(), 'marginalia-postings-')), 'index.bin');
    await writeFile(path, concat(snapshot.chunks()));
    index.remove('d0');
    index.compact();
    expect(index.adopt(snapshot, bytesInFile(path), 0)).toBe(false);
    expect(docsOf(index, 'common')).toHaveLength(9);
  });

  it('saves a snapshot as it was taken, though the index changes while it is read', () => {
    const index = new InvertedIndex();
    for (let i = 0; i < 10; i += 1) index.put(`d${i}`, counts(`common w${i}`), 2);
    const { byteLength, chunks } = index.snapshot();
    index.put('late', counts('common late'), 2);
    index.remove('d1');
    index.put('d2', counts('changed'), 1);
    const bytes = concat(chunks());
    expect(bytes.byteLength).toBe(byteLength);
    const saved = InvertedIndex.deserialize(bytes);
    expect(docsOf(saved, 'common')).toHaveLength(10);
    expect(docsOf(saved, 'w1')).toEqual(['d1:1']);
    expect(docsOf(saved, 'late')).toEqual([]);
    expect(docsOf(saved, 'changed')).toEqual([]);
  });

  it('refuses to finish a snapshot the index was compacted under', () => {
    const index = new InvertedIndex();
    index.put('a', counts('x'), 1);
    const { chunks } = index.snapshot();
    index.compact();
    expect(() => [...chunks()]).toThrow(/compacted while it was being saved/);
  });

  it('compacts once many documents are dead, keeping the live ones findable', () => {
    const index = new InvertedIndex();
    for (let round = 0; round < 3; round += 1) for (let i = 0; i < 1000; i += 1) index.put(`d${i}`, counts(`x r${round}`), 2);
    expect(index.capacity).toBeLessThan(3000);
    expect(docsOf(index, 'x')).toHaveLength(1000);
    expect(docsOf(index, 'r2')).toHaveLength(1000);
    expect(docsOf(index, 'r0')).toHaveLength(0);
  });

  it('saves again, across many chunks, lists held partly in the last saved file and partly in memory', async () => {
    // 480,000 postings: each save spans two chunks of 262,144, and the second reads every list
    // from the first save's file and from memory. An index never saved is the reference.
    const saved = new InvertedIndex();
    const reference = new InvertedIndex();
    const put = (key: string, i: number) => {
      const tally = new Map(Array.from({ length: 60 }, (_, k) => [`t${(i * 7 + k * 13) % 500}`, 1 + (k % 3)] as const));
      saved.put(key, tally, 60);
      reference.put(key, tally, 60);
    };
    const dir = await mkdtemp(join(tmpdir(), 'marginalia-postings-'));
    const save = async (name: string) => {
      const snapshot = saved.snapshot();
      const path = join(dir, name);
      await writeFile(path, concat(snapshot.chunks()));
      expect(saved.adopt(snapshot, bytesInFile(path), 0)).toBe(true);
      return path;
    };
    const same = (index: InvertedIndex) => {
      for (let t = 0; t < 500; t += 1) expect(docsOf(index, `t${t}`), `t${t}`).toEqual(docsOf(reference, `t${t}`));
    };
    for (let i = 0; i < 5000; i += 1) put(`d${i}`, i);
    await save('first.bin');
    for (let i = 0; i < 3000; i += 1) put(`e${i}`, i + 1);
    const path = await save('second.bin');
    same(saved);
    const reopened = InvertedIndex.open(bytesInFile(path), 0);
    same(reopened);
    reopened.close();
    saved.close();
  });

  it('keeps every list exact while thousands of them grow, are saved, compacted and grow again', async () => {
    // The lists share one pool that is copied and closed up as it grows and once they are
    // saved; a model of what each term should hold is checked after every stage.
    const index = new InvertedIndex();
    const model = new Map<string, Map<string, number>>();
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const put = (key: string) => {
      const words = Array.from({ length: 1 + random(12) }, () => `t${random(random(2) ? 40 : 4000)}`);
      for (const docs of model.values()) docs.delete(key);
      const tally = counts(words.join(' '));
      for (const [term, tf] of tally) {
        if (!model.has(term)) model.set(term, new Map());
        model.get(term)!.set(key, tf);
      }
      index.put(key, tally, words.length);
    };
    const remove = (key: string) => {
      for (const docs of model.values()) docs.delete(key);
      index.remove(key);
    };
    const check = (which = index) => {
      for (const [term, docs] of model) {
        expect(docsOf(which, term).sort(), term).toEqual([...docs].map(([key, tf]) => `${key}:${tf}`).sort());
      }
    };
    for (let i = 0; i < 3000; i += 1) put(`d${i}`);
    check();
    const snapshot = index.snapshot();
    for (let i = 0; i < 300; i += 1) put(`late${i}`);
    const path = join(await mkdtemp(join(tmpdir(), 'marginalia-postings-')), 'index.bin');
    await writeFile(path, concat(snapshot.chunks()));
    expect(index.adopt(snapshot, bytesInFile(path), 0)).toBe(true);
    check();
    for (let i = 0; i < 2000; i += 1) put(`more${i}`);
    check();
    for (let i = 0; i < 2500; i += 1) remove(`d${i}`); // compacts, reading the saved lists back
    for (let i = 0; i < 1000; i += 1) put(`again${i}`);
    check();
    check(InvertedIndex.deserialize(index.serialize()));
    index.close();
  });
});
