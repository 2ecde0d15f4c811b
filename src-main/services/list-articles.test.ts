/**
 * Listing the library: the whole list newest first, or only the first rows a view shows —
 * the same rows, in the same order, the window computes from the whole list.
 */
import { describe, expect, it } from 'vitest';
import { initialLibraryView, viewArticles, type LibraryView } from '../common/library-view';
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

  it('refuses a view it does not know, saying which field is wrong', async () => {
    const { notebook, api } = await library(['Alpha']);
    const answer = await api.listArticles({ first: { view: { ...initialLibraryView, sort: 'colour' as 'title' }, tag: null, limit: 10 } });
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.message).toMatch(/sort/);
    const tooMany = await api.listArticles({ first: { view: initialLibraryView, tag: null, limit: 100_000 } });
    expect(!tooMany.ok && tooMany.error.message).toMatch(/limit/);
    await notebook.close();
  });
});
