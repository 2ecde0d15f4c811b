/**
 * Every committed change gives the records it changes a new revision that descends from the
 * one before (undo included: undoing is an edit too), and deleting a record notes which
 * version was deleted — what a merge needs to tell "changed here" from "changed there".
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../common/anchoring/describe-range';
import { inProcessApi, valueOf } from '../../test-support/in-process-api';
import { tempDir } from '../../test-support/temp-dir';
import { openNotebook } from '../open-notebook';

async function notebookWithArticle() {
  const dir = await tempDir();
  const notebook = await openNotebook(dir, { sample: false, persistSearch: false });
  const api = inProcessApi(notebook.handlers);
  const article = await valueOf(api.importArticle({ format: 'text', content: 'One clear sentence here. Another sentence there.', title: 'Sentences' }));
  const text = (await valueOf(api.getArticle({ id: article.id }))).text;
  const target = (phrase: string) => describeRange(text, text.indexOf(phrase), text.indexOf(phrase) + phrase.length);
  return { dir, notebook, api, articleId: article.id, target };
}

describe('revisions', () => {
  it('gives each edit of a highlight a new revision that descends from the last, undo included', async () => {
    const { notebook, api, articleId, target } = await notebookWithArticle();
    const made = await valueOf(api.createAnnotation({ articleId, target: target('clear sentence') }));
    const [created] = await valueOf(api.listAnnotations({ articleId }));
    expect(created!.rev).toMatch(/^[0-9a-z]+-[0-9a-z]+$/);
    expect(created!.revs).toEqual([]);

    await valueOf(api.updateAnnotation({ id: made.id, comment: 'Why?' }));
    const [edited] = await valueOf(api.listAnnotations({ articleId }));
    expect(edited!.rev).not.toBe(created!.rev);
    expect(edited!.revs).toEqual([created!.rev]);

    await valueOf(api.undo({}));
    const [undone] = await valueOf(api.listAnnotations({ articleId }));
    expect(undone!.comment).toBe('');
    expect(undone!.rev).not.toBe(created!.rev);
    expect(undone!.revs).toEqual([edited!.rev, created!.rev]);
    await notebook.close();
  });

  it('leaves the revision of a record a change set did not change', async () => {
    const { notebook, api, articleId, target } = await notebookWithArticle();
    await valueOf(api.createAnnotation({ articleId, target: target('clear sentence') }));
    const [first] = await valueOf(api.listAnnotations({ articleId }));
    await valueOf(api.createAnnotation({ articleId, target: target('Another sentence') }));
    const after = await valueOf(api.listAnnotations({ articleId }));
    expect(after.find((a) => a.id === first!.id)!.rev).toBe(first!.rev);
    await notebook.close();
  });

  it('notes which version of each record a delete removed, an article with its highlights', async () => {
    const { dir, notebook, api, articleId, target } = await notebookWithArticle();
    await valueOf(api.createAnnotation({ articleId, target: target('clear sentence') }));
    const [highlight] = await valueOf(api.listAnnotations({ articleId }));
    const note = await valueOf(api.createNote({ title: 'Gone soon' }));
    await valueOf(api.deleteNote({ id: note.id }));
    await valueOf(api.deleteArticle({ id: articleId }));
    await notebook.close();
    const lines = (await readFile(join(dir, 'deletions.log'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => [line.kind, line.id])).toEqual([
      ['note', note.id],
      ['article', articleId],
      ['annotation', highlight!.id],
    ]);
    expect(lines[2]).toMatchObject({ articleId, rev: highlight!.rev });
  });

  it('gives a note a new revision on each save, from its metadata in the index', async () => {
    const { notebook, api } = await notebookWithArticle();
    const note = await valueOf(api.createNote({ title: 'Draft' }));
    await valueOf(api.updateNote({ id: note.id, body: 'First words.' }));
    await valueOf(api.updateNote({ id: note.id, body: 'First words, and more.' }));
    const saved = await valueOf(api.getNote({ id: note.id }));
    expect(saved.revs).toHaveLength(2);
    expect(saved.revs![0]! > saved.revs![1]!).toBe(true);
    await notebook.close();
  });
});
