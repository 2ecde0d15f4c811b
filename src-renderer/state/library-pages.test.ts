/**
 * The whole library list arrives page by page: every article once, changes committed while
 * the pages were on their way applied over them, and no page asked while an article opens.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleListing } from '../../src-main/common/model';
import { notebookHarness } from '../test-support/notebook-harness';
import { resetStores } from '../test-support/reset-stores';
import { loadWholeLibrary } from './library-actions';
import { libraryStore } from './library-store';

vi.mock('../notebook-client', async () => ({
  notebook: (await import('../test-support/notebook-harness')).notebookHarness.api,
}));
vi.mock('../notebook-feed', async () => ({
  notebookFeed: (await import('../test-support/notebook-harness')).notebookHarness.feed,
  onFeedReconnect: () => undefined,
}));

const api = notebookHarness.api;
const byId = (a: ArticleListing, b: ArticleListing) => a.id.localeCompare(b.id);
const pagesAsked = () =>
  notebookHarness.calls.flatMap((call) => {
    const page = call.method === 'listArticles' && (call.arg as { page?: { after: string | null } }).page;
    return page ? [page.after] : [];
  });

async function importTitles(titles: string[]): Promise<void> {
  for (const title of titles) {
    const answer = await api.importArticle({ format: 'text', content: `${title}.\n\nSome text about ${title}.`, title });
    if (!answer.ok) throw new Error(answer.error.message);
  }
}

async function whole(): Promise<ArticleListing[]> {
  const answer = await api.listArticles({});
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value.sort(byId);
}

beforeEach(async () => {
  await notebookHarness.reset();
  resetStores();
});
afterAll(() => notebookHarness.close());

describe('the whole library, page by page', () => {
  it('lists every article once, asking from where the last page ended', async () => {
    await importTitles(['One', 'Two', 'Three', 'Four', 'Five']);
    await loadWholeLibrary(2);
    expect([...libraryStore.getState().articles].sort(byId)).toEqual(await whole());
    expect(libraryStore.getState().complete).toBe(true);
    const ids = (await whole()).map((a) => a.id);
    expect(pagesAsked()).toEqual([null, ids[1], ids[3]]);
  });

  it('applies changes committed while a page was on its way over it', async () => {
    await importTitles(['One', 'Two', 'Three', 'Four', 'Five']);
    const [first, second] = await whole();
    // The first page is listed, then held back like a slow answer while the notebook changes.
    const release = notebookHarness.holdNext('listArticles', (arg) => (arg as { page: { after: string | null } }).page.after === null);
    const loading = loadWholeLibrary(2);
    await vi.waitFor(() => expect(pagesAsked()).toEqual([null]));
    expect((await api.updateArticle({ id: first!.id, title: 'One, renamed' })).ok).toBe(true);
    expect((await api.deleteArticle({ id: second!.id })).ok).toBe(true);
    await importTitles(['Six']);
    release();
    await loading;
    const shown = [...libraryStore.getState().articles].sort(byId);
    expect(shown).toEqual(await whole());
    expect(shown.map((a) => a.title)).toContain('One, renamed');
    expect(shown.map((a) => a.id)).not.toContain(second!.id);
  });

  it('asks for no page while an article is being opened', async () => {
    await importTitles(['One', 'Two', 'Three']);
    libraryStore.setState({ openId: 'art_x', opening: true });
    const loading = loadWholeLibrary(2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pagesAsked()).toEqual([]);
    libraryStore.setState({ opening: false });
    await loading;
    expect(libraryStore.getState().articles).toHaveLength(3);
  });
});
