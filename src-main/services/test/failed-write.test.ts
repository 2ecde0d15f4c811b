/**
 * A write that fails on disk (the disk is full) while its history step is written beside it:
 * the caller is told, nothing of it is kept or offered to undo, and every change acknowledged
 * before it, the redo it would have cleared included, is still there after a reopen.
 */
import { describe, expect, it, vi } from 'vitest';
import { inProcessApi, valueOf } from '../../test-support/in-process-api';
import { tempDir } from '../../test-support/temp-dir';
import { describeRange } from '../../common/anchoring/describe-range';
import { openNotebook } from '../open-notebook';

/** Which record folder's new files the disk refuses (none when false). */
const disk = vi.hoisted(() => ({ full: false as false | 'notes' | 'articles' }));

import type * as FsPromises from 'node:fs/promises';

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof FsPromises>();
  const open: typeof fs.open = (path, ...rest) =>
    disk.full && new RegExp(`[/\\\\]${disk.full}[/\\\\]\\..*\\.tmp$`).test(String(path))
      ? Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }))
      : fs.open(path, ...rest);
  return { ...fs, open };
});

async function open(dir: string) {
  const notebook = await openNotebook(dir, { sample: false, persistSearch: false });
  return { notebook, api: inProcessApi(notebook.handlers) };
}

describe('a write that fails on disk', () => {
  it('is reported, leaves no history step, and keeps every acknowledged change and the redo step', async () => {
    const dir = await tempDir();
    let { notebook, api } = await open(dir);
    const note = await valueOf(api.createNote({ title: 'Method', body: 'First draft.' }));
    await valueOf(api.updateNote({ id: note.id, body: 'Second draft.' }));
    await valueOf(api.undo({}));
    const announced: string[] = [];
    notebook.feed.subscribe((change) => announced.push(change.label));

    disk.full = 'notes';
    const failed = await api.updateNote({ id: note.id, body: 'Third draft, never saved.' });
    disk.full = false;

    expect(failed.ok).toBe(false);
    expect(announced).toEqual([]);
    expect((await valueOf(api.getNote({ id: note.id }))).body).toBe('First draft.');
    expect(await valueOf(api.getHistory({}))).toEqual({ undo: { label: 'New note' }, redo: { label: 'Edit note' } });
    await notebook.close();

    ({ notebook, api } = await open(dir));
    expect((await valueOf(api.getNote({ id: note.id }))).body).toBe('First draft.');
    expect(await valueOf(api.getHistory({}))).toEqual({ undo: { label: 'New note' }, redo: { label: 'Edit note' } });
    await valueOf(api.redo({}));
    expect((await valueOf(api.getNote({ id: note.id }))).body).toBe('Second draft.');
    await notebook.close();
  });

  it('takes back the library entry written beside an article file that could not be written', async () => {
    const dir = await tempDir();
    let { notebook, api } = await open(dir);
    const text = 'Alliances rest on trust and on shared work.';
    const article = await valueOf(api.importArticle({ format: 'text', content: text, title: 'Alliances' }));
    await valueOf(api.createAnnotation({ articleId: article.id, target: describeRange(text, 0, 9), tags: ['trust'] }));

    disk.full = 'articles';
    const failed = await api.createAnnotation({ articleId: article.id, target: describeRange(text, 18, 23), tags: ['work'] });
    disk.full = false;

    expect(failed.ok).toBe(false);
    const counted = async () => (await valueOf(api.listArticles({}))).map((a) => [a.title, a.annotationCount]);
    expect(await counted()).toEqual([['Alliances', 1]]);
    expect((await valueOf(api.listTags({}))).map(({ tag }) => tag)).toEqual(['trust']);
    await notebook.close();

    ({ notebook, api } = await open(dir));
    expect(await counted()).toEqual([['Alliances', 1]]);
    expect((await valueOf(api.listAnnotations({ articleId: article.id }))).map((a) => a.tags)).toEqual([['trust']]);
    await notebook.close();
  });
});
