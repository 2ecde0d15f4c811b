/**
 * Search in its worker thread, through the API on a real notebook folder: the main thread
 * keeps answering while a large index is built, snippets after a reopen come from the saved
 * texts without reading any article, and the texts file keeps only what the index points at.
 */
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inProcessApi, valueOf } from '../../../test-support/in-process-api';
import { openSampleNotebook } from '../../../test-support/sample-notebook';
import { tempDir } from '../../../test-support/temp-dir';
import { openNotebook } from '../../open-notebook';
import { ArticleTexts } from '../article-texts';

const paragraph = (i: number) =>
  `Field report ${i} on the migration of cranes along the river, with counts taken at dawn and dusk. `.repeat(40);

describe('search in a worker thread', () => {
  it('leaves the main thread free while a large index is built', async () => {
    const first = await openSampleNotebook();
    for (let i = 0; i < 150; i += 1) {
      await valueOf(first.api.importArticle({ format: 'text', content: `${paragraph(i)}\n\nHeron ${i}.`, title: `Report ${i}` }));
    }
    await first.notebook.close();
    await rm(join(first.dir, 'search-index'), { recursive: true });

    const again = await openNotebook(first.dir, { searchThread: 'worker' });
    const api = inProcessApi(again.handlers);
    let built = false;
    const building = again.searchIdle().then(() => (built = true));
    // Turns of the main thread's event loop, and API calls answered, before the build ends.
    let turns = 0;
    let answered = 0;
    while (!built) {
      await new Promise((resolve) => setImmediate(resolve));
      turns += 1;
      if (turns % 20 === 0 && (await valueOf(api.getNotebookStatus({}))).location === first.dir) answered += 1;
    }
    await building;
    expect(turns).toBeGreaterThan(40);
    expect(answered).toBeGreaterThan(1);
    const done = await valueOf(api.search({ query: 'heron 149' }));
    expect(done.results.map((r) => r.title)).toContain('Report 149');
    await again.close();
  });

  it('after a reopen, cuts snippets from the saved texts without reading an article', async () => {
    const first = await openSampleNotebook();
    const wombats = await valueOf(first.api.importArticle({ format: 'text', content: 'Wombats dig long burrows under the dry hills.', title: 'Wombats' }));
    await first.notebook.close();
    expect((await readdir(join(first.dir, 'search-index'))).filter((name) => name.startsWith('texts-'))).toHaveLength(1);

    const again = await openNotebook(first.dir, { searchThread: 'worker' });
    const api = inProcessApi(again.handlers);
    const [hit] = (await valueOf(api.search({ query: '"long burrows"' }))).results;
    expect(hit).toMatchObject({ id: wombats.id, snippet: 'Wombats dig long burrows under the dry hills.', position: { start: 12, end: 24 } });
    expect(again.searchStats()).toEqual({ articlesRead: 0, loadedFromDisk: true });
    await again.close();
  });
});

describe('the articles’ texts file', () => {
  it('gives back each text put, forgets replaced ones, and reopens from what a save said', async () => {
    const folder = await tempDir('texts');
    const texts = await ArticleTexts.open(folder, null);
    await texts.put('art_a', 'Café au lait, naïve façade.');
    await texts.put('art_b', 'Second text.');
    await texts.put('art_a', 'Replaced text.');
    texts.forget('art_b');
    expect(await texts.get('art_a')).toBe('Replaced text.');
    expect(await texts.get('art_b')).toBeUndefined();
    const saved = texts.snapshot().texts!;
    await texts.flush();
    await texts.close();

    await writeFile(join(folder, 'texts-left-over.bin'), 'from an earlier run');
    const reopened = await ArticleTexts.open(folder, { ...saved, spans: { ...saved.spans, art_c: [1000, 5] } });
    expect(await reopened.get('art_a')).toBe('Replaced text.');
    // A span past the end of the file (a write lost in a crash) is not trusted.
    expect(reopened.has('art_c')).toBe(false);
    expect(await readdir(folder)).toEqual([saved.file]);
    await reopened.close();
  });

  it('starts a new file when the saved one is gone', async () => {
    const folder = await tempDir('texts');
    const texts = await ArticleTexts.open(folder, { file: 'texts-gone.bin', spans: { art_a: [0, 4] } });
    expect(texts.has('art_a')).toBe(false);
    await texts.put('art_a', 'Back.');
    expect(await texts.get('art_a')).toBe('Back.');
    await texts.close();
  });
});
