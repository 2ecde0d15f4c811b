import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NotebookApi } from '../common/api';
import { describeRange } from '../common/anchoring/describe-range';
import { inProcessApi, valueOf } from '../test-support/in-process-api';
import { tempDir } from '../test-support/temp-dir';
import { CURRENT_SCHEMA_VERSION } from '../store/migrations';
import { openNotebook, type OpenNotebook } from './open-notebook';

interface Session {
  notebook: OpenNotebook;
  api: NotebookApi;
  dir: string;
}

async function open(dir?: string): Promise<Session> {
  const folder = dir ?? (await tempDir());
  const notebook = await openNotebook(folder);
  return { notebook, api: inProcessApi(notebook.handlers), dir: folder };
}

/** The sample article and its canonical text. */
async function sample(api: NotebookApi) {
  const [meta] = await valueOf(api.listArticles({}));
  return valueOf(api.getArticle({ id: meta!.id }));
}

/** A target for the n-th occurrence (0-based) of `phrase`, as the reader would send it. */
function nth(text: string, phrase: string, n: number) {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`"${phrase}" does not occur ${n + 1} times`);
  return describeRange(text, at, at + phrase.length);
}

describe('highlights', () => {
  it('anchors a repeated phrase to the occurrence the user selected, across a reopen', async () => {
    const first = await open();
    const article = await sample(first.api);
    const target = nth(article.text, 'U.S. Forces Japan', 1);
    const created = await valueOf(first.api.createAnnotation({ articleId: article.id, target, color: 'green' }));
    expect(created).toMatchObject({ id: expect.stringMatching(/^ann_/), color: 'green', anchor: { status: 'anchored', ...target.position } });
    await first.notebook.close();

    const second = await open(first.dir);
    const [listed] = await valueOf(second.api.listAnnotations({ articleId: article.id }));
    expect(listed?.anchor).toEqual({ status: 'anchored', ...target.position });
    expect(article.text.slice(target.position.start, target.position.end)).toBe('U.S. Forces Japan');
    await second.notebook.close();
  });

  it('refuses a target that does not match the article text', async () => {
    const { api, notebook } = await open();
    const article = await sample(api);
    const answer = await api.createAnnotation({
      articleId: article.id,
      target: { quote: { exact: 'not in the text', prefix: '', suffix: '' }, position: { start: 0, end: 15 } },
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringMatching(/Select it again/) } });
    expect(await valueOf(api.listAnnotations({ articleId: article.id }))).toEqual([]);
    await notebook.close();
  });

  it('recolours, comments and deletes; each step undoes and redoes, also after a restart', async () => {
    const first = await open();
    const { api } = first;
    const article = await sample(api);
    const list = () => valueOf(api.listAnnotations({ articleId: article.id }));
    const { id } = await valueOf(api.createAnnotation({ articleId: article.id, target: nth(article.text, 'the greatest strategic challenge', 0) }));
    await valueOf(api.updateAnnotation({ id, color: 'pink' }));
    await valueOf(api.updateAnnotation({ id, comment: 'Compare with the *2022* strategy.' }));
    expect(await list()).toEqual([expect.objectContaining({ color: 'pink', comment: 'Compare with the *2022* strategy.' })]);
    await valueOf(api.deleteAnnotation({ id }));
    expect(await list()).toEqual([]);
    expect(await valueOf(api.getHistory({}))).toEqual({ undo: { label: 'Delete highlight' }, redo: null });
    await first.notebook.close();

    const second = await open(first.dir);
    const again = second.api;
    const relist = () => valueOf(again.listAnnotations({ articleId: article.id }));
    expect(await valueOf(again.undo({}))).toMatchObject({ label: 'Delete highlight', articleId: article.id });
    expect(await relist()).toEqual([expect.objectContaining({ id, color: 'pink', comment: 'Compare with the *2022* strategy.' })]);
    await valueOf(again.undo({}));
    expect((await relist())[0]?.comment).toBe('');
    await valueOf(again.undo({}));
    expect((await relist())[0]?.color).toBe('yellow');
    await valueOf(again.undo({}));
    expect(await relist()).toEqual([]);
    expect(await valueOf(again.undo({}))).toBeNull();
    expect(await valueOf(again.getHistory({}))).toEqual({ undo: null, redo: { label: 'Highlight' } });

    await valueOf(again.redo({}));
    await valueOf(again.redo({}));
    expect(await relist()).toEqual([expect.objectContaining({ id, color: 'pink' })]);
    // A new change forgets what could have been redone.
    await valueOf(again.updateAnnotation({ id, color: 'blue' }));
    expect(await valueOf(again.redo({}))).toBeNull();
    await second.notebook.close();
  });

  it('keeps a colour legend with editable meanings, undoable', async () => {
    const { api, notebook } = await open();
    expect(await valueOf(api.getLegend({}))).toEqual({
      yellow: 'Key point',
      green: 'Evidence',
      blue: 'Definition',
      pink: 'Disputed',
      purple: 'Question',
      orange: 'Follow up',
    });
    expect((await valueOf(api.updateLegend({ color: 'green', meaning: '  Primary   source ' }))).green).toBe('Primary source');
    await valueOf(api.undo({}));
    expect((await valueOf(api.getLegend({}))).green).toBe('Evidence');
    await notebook.close();
  });

  it('re-anchors highlights when the article text changes, and orphans a deleted passage', async () => {
    const { api, notebook } = await open();
    const article = await sample(api);
    const kept = await valueOf(api.createAnnotation({ articleId: article.id, target: nth(article.text, 'has no commanding authority', 0) }));
    const doomed = await valueOf(api.createAnnotation({ articleId: article.id, target: nth(article.text, 'Now is a critical phase when our decision today determines our future.', 0) }));

    const edited = ('Editor’s note: updated.\n\n' + article.original).replace(' “Now is a critical phase when our decision today determines our future.”', '');
    await valueOf(api.updateArticle({ id: article.id, content: edited }));
    const text = (await valueOf(api.getArticle({ id: article.id }))).text;
    const list = await valueOf(api.listAnnotations({ articleId: article.id }));
    expect(list.map((a) => a.id)).toEqual([kept.id, doomed.id]);
    const [moved, orphan] = list;
    expect(moved?.anchor.status).toBe('anchored');
    if (moved?.anchor.status !== 'anchored') return;
    expect(text.slice(moved.anchor.start, moved.anchor.end)).toBe('has no commanding authority');
    expect(moved.target.position).toEqual({ start: moved.anchor.start, end: moved.anchor.end });
    expect(orphan?.anchor).toEqual({ status: 'orphaned' });

    // Re-attaching the orphan to a new selection anchors it there.
    const reattached = await valueOf(api.updateAnnotation({ id: doomed.id, target: nth(text, 'historic turning point', 0) }));
    expect(reattached.anchor.status).toBe('anchored');
    await notebook.close();
  });

  it('finds a highlight the index lost (a crash between the two writes)', async () => {
    const first = await open();
    const article = await sample(first.api);
    const { id } = await valueOf(first.api.createAnnotation({ articleId: article.id, target: nth(article.text, 'Tokyo', 0) }));
    await first.notebook.close();
    const index = JSON.parse(await readFile(join(first.dir, 'notebook.json'), 'utf8'));
    index.annotations = {};
    await writeFile(join(first.dir, 'notebook.json'), JSON.stringify(index));

    const second = await open(first.dir);
    expect((await valueOf(second.api.updateAnnotation({ id, color: 'orange' }))).color).toBe('orange');
    await second.notebook.close();
  });
});

describe('a notebook written by version 1', () => {
  it('is migrated: legend and annotation list added, a snapshot kept first', async () => {
    const dir = await tempDir();
    const stamp = '2026-11-01T10:00:00.000Z';
    const article = {
      id: 'art_version1old',
      title: 'Old article',
      source: 'Pasted text',
      format: 'text',
      tags: [],
      wordCount: 2,
      createdAt: stamp,
      updatedAt: stamp,
      original: 'Old text.',
      doc: { blocks: [{ type: 'paragraph', children: [{ type: 'text', text: 'Old text.' }] }] },
    };
    const { original: _o, doc: _d, ...meta } = article;
    await writeFile(join(dir, 'notebook.json'), JSON.stringify({ schemaVersion: 1, createdAt: stamp, articles: [meta] }));
    await (await import('node:fs/promises')).mkdir(join(dir, 'articles'));
    await writeFile(join(dir, 'articles/art_version1old.json'), JSON.stringify({ schemaVersion: 1, article }));

    const { api, notebook } = await open(dir);
    expect((await valueOf(api.getLegend({}))).yellow).toBe('Key point');
    expect(await valueOf(api.listAnnotations({ articleId: 'art_version1old' }))).toEqual([]);
    const created = await valueOf(api.createAnnotation({ articleId: 'art_version1old', target: describeRange('Old text.', 0, 3) }));
    expect(created.anchor).toEqual({ status: 'anchored', start: 0, end: 3 });
    await notebook.close();

    expect(JSON.parse(await readFile(join(dir, 'notebook.json'), 'utf8')).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect((await readdir(join(dir, 'backups'))).some((f) => f.startsWith('notebook-v1-before-migration-'))).toBe(true);
  });
});
