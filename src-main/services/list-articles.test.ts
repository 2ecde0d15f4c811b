/**
 * Listing the library: the whole list newest first, page by page in id order, or only the
 * first rows a view shows — the same rows, in the same order, the window computes from the
 * whole list.
 */
import { describe, expect, it } from 'vitest';
import { initialLibraryView, viewArticles, type LibraryView } from '../common/library-view';
import type { ArticleListing } from '../common/model';
import { inProcessApi, valueOf } from '../test-support/in-process-api';
import { tempDir } from '../test-support/temp-dir';
import { openNotebook } from './open-notebook';

async function library(titles: string[]) {
  let clock = Date.parse('2024-03-01T09:00:00.000Z');
  const notebook = await openNotebook(await tempDir(), { now: () => new Date((clock += 60_000)), sample: false });
  const api = inProcessApi(notebook.handlers);
  for (const [i, title] of titles.entries()) {
    const meta = await valueOf(api.importArticle({ format: 'text', content: `${title}.\n\nSome text about ${title}.`, title }));
    if (i % 2 === 0) await valueOf(api.updateArticle({ id: meta.id, tags: ['topic/trade'] }));
    if (i % 3 === 0) await valueOf(api.markArticleOpened({ id: meta.id }));
  }
  return { notebook, api };
}

describe('listing the library', () => {
  const titles = ['Delta', 'alpha', 'Charlie', 'Echo', 'Bravo', 'Foxtrot', 'Golf'];

  it('answers the first rows of a view exactly as the window would show them', async () => {
    const { notebook, api } = await library(titles);
    const whole = await valueOf(api.listArticles({}));
    expect(whole.map((a) => a.title)).toEqual([...titles].reverse());

    const views: [LibraryView, string | null][] = [
      [initialLibraryView, null],
      [{ ...initialLibraryView, sort: 'title', descending: false }, null],
      [{ ...initialLibraryView, sort: 'title', descending: true, unread: true }, 'topic'],
      [{ ...initialLibraryView, sort: 'source', descending: false }, 'topic/trade'],
    ];
    for (const [view, tag] of views) {
      const first = await valueOf(api.listArticles({ first: { view, tag, limit: 3 } }));
      expect(first).toEqual(viewArticles(whole, view, tag).slice(0, 3));
    }
    expect((await valueOf(api.listArticles({ first: { view: { ...initialLibraryView, sort: 'title', descending: false }, tag: null, limit: 2 } }))).map((a) => a.title)).toEqual([
      'alpha',
      'Bravo',
    ]);
    await notebook.close();
  });

  it('answers the whole list page by page, each article once, in the order of their ids', async () => {
    const { notebook, api } = await library(titles);
    const whole = await valueOf(api.listArticles({}));
    const pages: string[][] = [];
    for (let after: string | null = null; ; ) {
      const page: ArticleListing[] = await valueOf(api.listArticles({ page: { after, limit: 3 } }));
      pages.push(page.map((a) => a.id));
      if (page.length < 3) break;
      after = page.at(-1)!.id;
    }
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(whole.map((a) => a.id).sort());
    // Each listing is the one the whole list holds, highlight count included.
    const byId = new Map(whole.map((a) => [a.id, a]));
    for (const listing of await valueOf(api.listArticles({ page: { after: null, limit: 10 } }))) expect(listing).toEqual(byId.get(listing.id));
    await notebook.close();
  });

  it('pages show an article as it is now, renamed since the last listing', async () => {
    const { notebook, api } = await library(titles);
    const [article] = await valueOf(api.listArticles({ page: { after: null, limit: 1 } }));
    await valueOf(api.updateArticle({ id: article!.id, title: 'Renamed between pages' }));
    const [again] = await valueOf(api.listArticles({ page: { after: null, limit: 1 } }));
    expect(again).toMatchObject({ id: article!.id, title: 'Renamed between pages' });
    await notebook.close();
  });

  it('keeps its place by id when articles are added and deleted between pages', async () => {
    const { notebook, api } = await library(titles);
    const first = await valueOf(api.listArticles({ page: { after: null, limit: 3 } }));
    await valueOf(api.deleteArticle({ id: first[0]!.id }));
    const added = await valueOf(api.importArticle({ format: 'text', content: 'Hotel.\n\nText.', title: 'Hotel' }));
    const rest: string[] = [];
    for (let after: string | null = first.at(-1)!.id; after !== null; ) {
      const page: ArticleListing[] = await valueOf(api.listArticles({ page: { after, limit: 3 } }));
      rest.push(...page.map((a) => a.id));
      after = page.length < 3 ? null : page.at(-1)!.id;
    }
    const now = (await valueOf(api.listArticles({}))).map((a) => a.id);
    // Every article that stayed comes exactly once; the new one only if its id sorts after the place.
    const seen = [...first.map((a) => a.id), ...rest];
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of now) if (id !== added.id) expect(seen).toContain(id);
    expect(rest.includes(added.id)).toBe(added.id > first.at(-1)!.id);
    await notebook.close();
  });

  it('refuses a view it does not know, saying which field is wrong', async () => {
    const { notebook, api } = await library(['Alpha']);
    const answer = await api.listArticles({ first: { view: { ...initialLibraryView, sort: 'colour' as 'title' }, tag: null, limit: 10 } });
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.message).toMatch(/sort/);
    const tooMany = await api.listArticles({ first: { view: initialLibraryView, tag: null, limit: 100_000 } });
    expect(!tooMany.ok && tooMany.error.message).toMatch(/limit/);
    const both = await api.listArticles({ first: { view: initialLibraryView, tag: null, limit: 10 }, page: { after: null, limit: 10 } });
    expect(!both.ok && both.error.message).toMatch(/first rows or for a page/);
    const badPlace = await api.listArticles({ page: { after: 'not an id', limit: 10 } });
    expect(badPlace.ok).toBe(false);
    await notebook.close();
  });
});
