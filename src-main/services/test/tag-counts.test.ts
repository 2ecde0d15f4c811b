/**
 * Tag counts come from the index, not from reading every article: they must still agree with
 * the record files after every kind of change, undo, a reopen, and in a notebook whose index
 * was written before it kept the tags of highlights.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TagCount } from '../../common/model';
import { describeRange } from '../../common/anchoring/describe-range';
import { inProcessApi, valueOf } from '../../test-support/in-process-api';
import { tempDir } from '../../test-support/temp-dir';
import { openNotebook } from '../open-notebook';

/** The counts as the record files say, read one by one. */
async function countsFromFiles(dir: string): Promise<TagCount[]> {
  const counts = new Map<string, TagCount['counts']>();
  const add = (kind: keyof TagCount['counts'], tags: string[]) => {
    for (const tag of tags) {
      const entry = counts.get(tag) ?? { article: 0, annotation: 0, claim: 0, note: 0 };
      entry[kind] += 1;
      counts.set(tag, entry);
    }
  };
  const read = async (folder: string) =>
    Promise.all((await readdir(join(dir, folder))).map(async (name) => JSON.parse(await readFile(join(dir, folder, name), 'utf8')) as unknown));
  for (const file of await read('articles')) {
    const { article, annotations } = file as { article: { tags: string[] }; annotations: { tags: string[] }[] };
    add('article', article.tags);
    for (const annotation of annotations) add('annotation', annotation.tags);
  }
  for (const file of await read('claims')) add('claim', (file as { record: { tags: string[] } }).record.tags);
  for (const file of await read('notes')) add('note', (file as { record: { tags: string[] } }).record.tags);
  return [...counts].map(([tag, c]) => ({ tag, counts: c })).sort((a, b) => a.tag.localeCompare(b.tag));
}

describe('tag counts', () => {
  it('agree with the record files through edits, deletes, renames, undo and a reopen', async () => {
    const dir = await tempDir();
    let notebook = await openNotebook(dir, { sample: false, persistSearch: false });
    let api = inProcessApi(notebook.handlers);
    const text = 'Ports move goods. Ships carry them. Crews sail the ships.';
    const a = await valueOf(api.importArticle({ format: 'text', content: text, title: 'Ports' }));
    const range = (phrase: string) => describeRange(text, text.indexOf(phrase), text.indexOf(phrase) + phrase.length);
    const h1 = await valueOf(api.createAnnotation({ articleId: a.id, target: range('Ports move goods'), tags: ['trade', 'sea/ports'] }));
    const h2 = await valueOf(api.createAnnotation({ articleId: a.id, target: range('Ships carry'), tags: ['sea'] }));
    await valueOf(api.updateArticle({ id: a.id, tags: ['trade'] }));
    await valueOf(api.createClaim({ annotationId: h1.id, tags: ['sea/ports'] }));
    await valueOf(api.createNote({ title: 'Crews', tags: ['people'] }));
    await valueOf(api.updateAnnotation({ id: h2.id, tags: ['sea', 'people'] }));
    expect(await valueOf(api.listTags({}))).toEqual(await countsFromFiles(dir));

    await valueOf(api.renameTag({ from: 'sea', to: 'ocean' }));
    await valueOf(api.deleteAnnotation({ id: h1.id }));
    expect(await valueOf(api.listTags({}))).toEqual(await countsFromFiles(dir));
    await valueOf(api.undo({}));
    await valueOf(api.undo({}));
    expect(await valueOf(api.listTags({}))).toEqual(await countsFromFiles(dir));
    await notebook.close();

    notebook = await openNotebook(dir, { sample: false, persistSearch: false });
    api = inProcessApi(notebook.handlers);
    expect(await valueOf(api.listTags({}))).toEqual(await countsFromFiles(dir));
    await valueOf(api.deleteArticle({ id: a.id }));
    expect(await valueOf(api.listTags({}))).toEqual(await countsFromFiles(dir));
    await notebook.close();
  });

  it('reads an index from before highlights.index, and rebuilds a lost or damaged highlights.index from the article files', async () => {
    const dir = await tempDir();
    const first = await openNotebook(dir, { sample: false, persistSearch: false });
    const api = inProcessApi(first.handlers);
    const text = 'A harbour is a sheltered place.';
    const a = await valueOf(api.importArticle({ format: 'text', content: text, title: 'Harbour' }));
    const tagged = await valueOf(api.createAnnotation({ articleId: a.id, target: describeRange(text, 2, 9), tags: ['place'] }));
    const plain = await valueOf(api.createAnnotation({ articleId: a.id, target: describeRange(text, 13, 22) }));
    await first.close();
    await (await openNotebook(dir, { sample: false, persistSearch: false })).close(); // folds the journal in
    const current = JSON.parse(await readFile(join(dir, 'notebook.json'), 'utf8')) as Record<string, unknown>;
    const holders = { [tagged.id]: a.id, [plain.id]: a.id };
    const olderIndexes = [
      { ...current, highlightCounts: undefined, annotations: holders, annotationTags: { [tagged.id]: ['place'] } },
      { ...current, highlightCounts: undefined, annotations: holders }, // before the tags were kept too
    ];
    const checkReopened = async () => {
      const reopened = await openNotebook(dir, { sample: false, persistSearch: false });
      const reopenedApi = inProcessApi(reopened.handlers);
      expect(await valueOf(reopenedApi.listTags({}))).toEqual(await countsFromFiles(dir));
      expect((await valueOf(reopenedApi.listArticles({})))[0]?.annotationCount).toBe(2);
      expect(await valueOf(reopenedApi.getAnnotationUsage({ id: plain.id }))).toEqual({ claims: [], notes: [] });
      await reopened.close();
      const written = JSON.parse(await readFile(join(dir, 'notebook.json'), 'utf8')) as Record<string, unknown>;
      expect(written.annotations).toBeUndefined();
      expect(await readFile(join(dir, 'highlights.index'), 'utf8')).toContain(tagged.id);
    };
    for (const older of olderIndexes) {
      await writeFile(join(dir, 'notebook.json'), JSON.stringify(older));
      await rm(join(dir, 'highlights.index'), { force: true });
      await checkReopened();
    }
    await rm(join(dir, 'highlights.index'));
    await checkReopened();
    await writeFile(join(dir, 'highlights.index'), 'damaged\n');
    await checkReopened();
  });
});
