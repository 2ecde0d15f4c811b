/**
 * Editing an article's details, marking it read, tagging and deleting several at once: each
 * edit is one undo step, and everything survives closing and reopening the notebook.
 */
import { describe, expect, it } from 'vitest';
import { describeRange } from '../common/anchoring/describe-range';
import { inProcessApi, valueOf } from '../test-support/in-process-api';
import { tempDir } from '../test-support/temp-dir';
import { openNotebook } from './open-notebook';

async function setUp(dir?: string) {
  const folder = dir ?? (await tempDir());
  const notebook = await openNotebook(folder);
  const api = inProcessApi(notebook.handlers);
  const [sample] = await valueOf(api.listArticles({}));
  return { notebook, api, sample: sample!, dir: folder };
}

describe('editing an article’s details', () => {
  it('sets and clears authors, publisher, URL and date in one undo step each, and keeps them after a reopen', async () => {
    const { notebook, api, sample, dir } = await setUp();
    const edited = await valueOf(
      api.updateArticle({
        id: sample.id,
        title: '  Alliance   upgrade ',
        byline: 'Mari Yamaguchi; David Rising',
        siteName: 'Associated Press',
        url: 'https://apnews.com/article/japan-us-alliance',
        publishedAt: '2024-07-29',
        tags: ['defense/japan'],
      }),
    );
    expect(edited).toMatchObject({
      title: 'Alliance upgrade',
      byline: 'Mari Yamaguchi; David Rising',
      siteName: 'Associated Press',
      url: 'https://apnews.com/article/japan-us-alliance',
      publishedAt: '2024-07-29',
      tags: ['defense/japan'],
    });
    expect(await valueOf(api.getHistory({}))).toMatchObject({ undo: { label: 'Edit details of “Alliance upgrade”' } });

    const cleared = await valueOf(api.updateArticle({ id: sample.id, byline: '', url: null }));
    expect(cleared.byline).toBeUndefined();
    expect(cleared.url).toBeUndefined();
    expect(cleared.siteName).toBe('Associated Press');

    await valueOf(api.undo({}));
    expect(await valueOf(api.getArticle({ id: sample.id }))).toMatchObject({ byline: 'Mari Yamaguchi; David Rising', url: 'https://apnews.com/article/japan-us-alliance' });
    await valueOf(api.undo({}));
    const original = await valueOf(api.getArticle({ id: sample.id }));
    expect(original.title).toBe(sample.title);
    expect(original.siteName).toBe(sample.siteName);
    expect(original.publishedAt).toBe(sample.publishedAt);
    expect(original.text.length).toBeGreaterThan(100);
    await valueOf(api.redo({}));
    await notebook.close();

    const again = await setUp(dir);
    expect(again.sample).toMatchObject({ title: 'Alliance upgrade', siteName: 'Associated Press', publishedAt: '2024-07-29', tags: ['defense/japan'] });
    await again.notebook.close();
  });

  it('names a title-only change a rename, and makes no step when nothing changed', async () => {
    const { notebook, api, sample } = await setUp();
    await valueOf(api.updateArticle({ id: sample.id, title: 'Shorter' }));
    expect((await valueOf(api.getHistory({}))).undo?.label).toBe(`Rename “${sample.title}”`);
    await valueOf(api.undo({}));
    await valueOf(api.updateArticle({ id: sample.id, title: sample.title, tags: sample.tags }));
    expect((await valueOf(api.getHistory({}))).undo).toBeNull();
    await notebook.close();
  });
});

describe('reading marks an article opened', () => {
  it('records when it was opened, without an undo step, and keeps it after a reopen', async () => {
    const { notebook, api, sample, dir } = await setUp();
    expect(sample.openedAt).toBeUndefined();
    const opened = await valueOf(api.markArticleOpened({ id: sample.id }));
    expect(opened.openedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await valueOf(api.getHistory({}))).undo).toBeNull();
    await notebook.close();
    const again = await setUp(dir);
    expect(again.sample.openedAt).toBe(opened.openedAt);
    // Opening it again keeps the first date and writes nothing.
    expect((await valueOf(again.api.markArticleOpened({ id: sample.id }))).openedAt).toBe(opened.openedAt);
    await again.notebook.close();
  });
});

describe('the change feed says when an article’s highlights may differ', () => {
  it('not for noting it opened or a new title; yes for a highlight, its undo, and a new text', async () => {
    const { notebook, api, sample } = await setUp();
    const heard: { label: string; highlights: boolean | undefined; body: boolean | undefined }[] = [];
    notebook.feed.subscribe((change) => {
      const article = change.articles.find((a) => a.id === sample.id);
      heard.push({ label: change.label, highlights: article?.highlights, body: article?.body });
    });
    const { text } = await valueOf(api.getArticle({ id: sample.id }));
    await valueOf(api.createAnnotation({ articleId: sample.id, target: describeRange(text, 0, 5) }));
    await valueOf(api.markArticleOpened({ id: sample.id }));
    await valueOf(api.updateArticle({ id: sample.id, title: 'Shorter' }));
    await valueOf(api.undo({}));
    await valueOf(api.undo({}));
    await valueOf(api.updateArticle({ id: sample.id, content: 'A new text.' }));
    expect(heard.map(({ highlights, body }) => ({ highlights, body }))).toEqual([
      { highlights: true, body: false },
      { highlights: false, body: false },
      { highlights: false, body: false },
      { highlights: false, body: false },
      { highlights: true, body: false },
      { highlights: true, body: true },
    ]);
    await notebook.close();
  });
});

describe('the listing counts annotations', () => {
  it('answers each article’s annotation count, which follows highlights made and deleted', async () => {
    const { notebook, api, sample, dir } = await setUp();
    const other = await valueOf(api.importArticle({ format: 'text', content: 'Nothing highlighted here.' }));
    const { text } = await valueOf(api.getArticle({ id: sample.id }));
    const first = await valueOf(api.createAnnotation({ articleId: sample.id, target: describeRange(text, 0, 5) }));
    await valueOf(api.createAnnotation({ articleId: sample.id, target: describeRange(text, 10, 20) }));
    const counts = async (a: typeof api) => Object.fromEntries((await valueOf(a.listArticles({}))).map((m) => [m.id, m.annotationCount]));
    expect(await counts(api)).toEqual({ [sample.id]: 2, [other.id]: 0 });
    await valueOf(api.deleteAnnotation({ id: first.id }));
    expect(await counts(api)).toEqual({ [sample.id]: 1, [other.id]: 0 });
    await notebook.close();
    const again = await setUp(dir);
    expect(await counts(again.api)).toEqual({ [sample.id]: 1, [other.id]: 0 });
    await again.notebook.close();
  });
});

describe('several articles at once', () => {
  it('tags and untags a selection as one undo step', async () => {
    const { notebook, api, sample } = await setUp();
    const a = await valueOf(api.importArticle({ format: 'text', content: 'First.', title: 'First' }));
    const b = await valueOf(api.importArticle({ format: 'text', content: 'Second.', title: 'Second' }));
    await valueOf(api.updateArticle({ id: b.id, tags: ['keep'] }));

    expect(await valueOf(api.tagArticles({ ids: [a.id, b.id, a.id], add: ['To Read', 'region/asia'] }))).toEqual({ changed: 2 });
    const tagsOf = async () => Object.fromEntries((await valueOf(api.listArticles({}))).map((m) => [m.title, m.tags]));
    expect(await tagsOf()).toMatchObject({ First: ['to-read', 'region/asia'], Second: ['keep', 'to-read', 'region/asia'], [sample.title]: [] });
    expect((await valueOf(api.getHistory({}))).undo?.label).toBe('Tag 2 articles +to-read +region/asia');

    expect(await valueOf(api.tagArticles({ ids: [a.id, b.id], remove: ['to-read'] }))).toEqual({ changed: 2 });
    expect(await tagsOf()).toMatchObject({ First: ['region/asia'], Second: ['keep', 'region/asia'] });
    expect(await valueOf(api.tagArticles({ ids: [a.id], remove: ['absent'] }))).toEqual({ changed: 0 });

    await valueOf(api.undo({}));
    await valueOf(api.undo({}));
    expect(await tagsOf()).toMatchObject({ First: [], Second: ['keep'] });
    await notebook.close();
  });

  it('deletes a selection with its highlights as one step that undo brings back whole', async () => {
    const { notebook, api, sample, dir } = await setUp();
    const a = await valueOf(api.importArticle({ format: 'text', content: 'First article text.', title: 'First' }));
    const { text } = await valueOf(api.getArticle({ id: sample.id }));
    await valueOf(api.createAnnotation({ articleId: sample.id, target: describeRange(text, 0, 5) }));

    expect(await valueOf(api.deleteArticles({ ids: [sample.id, a.id] }))).toEqual({ deleted: 2, annotations: 1 });
    expect(await valueOf(api.listArticles({}))).toEqual([]);
    await notebook.close();

    const again = await setUp(dir);
    expect((await valueOf(again.api.getHistory({}))).undo?.label).toBe('Delete 2 articles');
    await valueOf(again.api.undo({}));
    const listed = await valueOf(again.api.listArticles({}));
    expect(listed.map((m) => [m.title, m.annotationCount]).sort()).toEqual([['First', 0], [sample.title, 1]].sort());
    expect((await valueOf(again.api.getArticle({ id: sample.id }))).text).toBe(text);
    await again.notebook.close();
  });

  it('deletes one article as a step that undo brings back with its highlights', async () => {
    const { notebook, api, sample } = await setUp();
    const { text } = await valueOf(api.getArticle({ id: sample.id }));
    await valueOf(api.createAnnotation({ articleId: sample.id, target: describeRange(text, 0, 5) }));
    await valueOf(api.deleteArticle({ id: sample.id }));
    expect(await valueOf(api.listArticles({}))).toEqual([]);
    expect((await valueOf(api.getHistory({}))).undo?.label).toBe(`Delete “${sample.title}”`);
    await valueOf(api.undo({}));
    expect((await valueOf(api.listArticles({}))).map((m) => [m.id, m.annotationCount])).toEqual([[sample.id, 1]]);
    await notebook.close();
  });

  it('changes nothing when one of the chosen articles has gone', async () => {
    const { notebook, api, sample } = await setUp();
    const answer = await api.deleteArticles({ ids: [sample.id, 'art_gone00000'] });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await valueOf(api.listArticles({}))).toHaveLength(1);
    await notebook.close();
  });
});
