// @vitest-environment jsdom
/**
 * Managing the library as a person does: sort, filter, pick several rows with the mouse or
 * keyboard, tag or delete them at once, edit an article's details. Over a real notebook on a
 * temporary folder (the real services and store, behind the renderer's contract).
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeRange } from '../../../src-main/common/anchoring/describe-range';
import { App } from '../../App';
import { loadAnnotations } from '../../state/annotation-actions';
import { askFirstRowsEarly, whenFirstRowsAnswered } from '../../state/early-first-rows';
import { reloadLibraryView } from '../../state/library-view-store';
import { listArrivedFirstRows } from '../../state/library-actions';
import { startApp } from '../../state/start-app';
import { setTagFilter } from '../../state/tag-filter-store';
import { notebookHarness } from '../../test-support/notebook-harness';
import { resetStores } from '../../test-support/reset-stores';

vi.mock('../../notebook-client', async () => ({
  notebook: (await import('../../test-support/notebook-harness')).notebookHarness.api,
}));
vi.mock('../../notebook-feed', async () => ({
  notebookFeed: (await import('../../test-support/notebook-harness')).notebookHarness.feed,
  onFeedReconnect: () => undefined,
}));

const api = notebookHarness.api;

async function startWith(titles: string[]) {
  for (const title of titles) await api.importArticle({ format: 'text', content: `${title}.\n\nSome text about ${title}.`, title });
  render(<App />);
  await startApp();
  return { user: userEvent.setup(), list: screen.getByRole('list', { name: 'Articles' }) };
}

const shownTitles = () =>
  within(screen.getByRole('list', { name: 'Articles' }))
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.article-item-title')!.textContent!.replace(/^Unread: /, ''));

const row = (title: string) => within(screen.getByRole('list', { name: 'Articles' })).getByRole('button', { name: new RegExp(title) });

beforeEach(async () => {
  await notebookHarness.reset();
  resetStores();
});
afterEach(cleanup);
afterAll(() => notebookHarness.close());

describe('a large library', () => {
  it('shows the first rows of the saved view while the whole list is on its way', async () => {
    for (const title of ['Beta', 'Alpha', 'Gamma']) await api.importArticle({ format: 'text', content: `${title}.\n\nSome text about ${title}.`, title });
    localStorage.setItem('marginalia.library-view', JSON.stringify({ sort: 'title', descending: false, source: null, annotated: false, unread: false }));
    reloadLibraryView();
    const release = notebookHarness.holdNext('listArticles', (arg) => !(arg as { first?: unknown }).first);
    render(<App />);
    const started = startApp();
    await waitFor(() => expect(shownTitles()).toEqual(['Alpha', 'Beta', 'Gamma']));
    expect(screen.getByText('Listing articles…')).toBeTruthy();
    release();
    await started;
    expect(screen.getByText('3 articles')).toBeTruthy();
    expect(shownTitles()).toEqual(['Alpha', 'Beta', 'Gamma']);
  });

  it('paints the first rows asked for before the app loaded, and asks once', async () => {
    for (const title of ['Beta', 'Alpha', 'Gamma']) await api.importArticle({ format: 'text', content: `${title}.\n\nSome text about ${title}.`, title });
    localStorage.setItem('marginalia.library-view', JSON.stringify({ unread: false, annotated: false, source: null, descending: false, sort: 'title' }));
    reloadLibraryView();
    askFirstRowsEarly();
    const release = notebookHarness.holdNext('listArticles', (arg) => !(arg as { first?: unknown }).first);
    render(<App />);
    const started = startApp();
    await waitFor(() => expect(shownTitles()).toEqual(['Alpha', 'Beta', 'Gamma']));
    const firsts = () => notebookHarness.calls.filter((call) => call.method === 'listArticles' && (call.arg as { first?: unknown }).first);
    expect(firsts()).toHaveLength(1);
    release();
    await started;
    expect(shownTitles()).toEqual(['Alpha', 'Beta', 'Gamma']);
  });

  it('lists early rows that arrived before the first render in that render', async () => {
    for (const title of ['Beta', 'Alpha']) await api.importArticle({ format: 'text', content: `${title}.\n\nSome text about ${title}.`, title });
    localStorage.setItem('marginalia.library-view', JSON.stringify({ unread: false, annotated: false, source: null, descending: false, sort: 'title' }));
    reloadLibraryView();
    askFirstRowsEarly();
    await whenFirstRowsAnswered();
    listArrivedFirstRows();
    render(<App />);
    // No startApp and no waiting: the first render has the rows.
    expect(shownTitles()).toEqual(['Alpha', 'Beta']);
    await startApp();
    const firsts = notebookHarness.calls.filter((call) => call.method === 'listArticles' && (call.arg as { first?: unknown }).first);
    expect(firsts).toHaveLength(1);
    expect(screen.getByText('2 articles')).toBeTruthy();
  });

  it('asks again when the saved view was not one the main side accepts', async () => {
    for (const title of ['Beta', 'Alpha']) await api.importArticle({ format: 'text', content: `${title}.\n\nSome text about ${title}.`, title });
    localStorage.setItem('marginalia.library-view', JSON.stringify({ sort: 'colour', descending: 'yes' }));
    reloadLibraryView();
    askFirstRowsEarly();
    render(<App />);
    await startApp();
    // The early request was refused; the window asked again with the default view it settled on.
    const firsts = notebookHarness.calls.filter((call) => call.method === 'listArticles' && (call.arg as { first?: unknown }).first);
    expect(firsts.map((call) => (call.arg as { first: { view: { sort: string } } }).first.view.sort)).toEqual(['colour', 'added']);
    expect(shownTitles()).toEqual(['Alpha', 'Beta']);
  });
});

describe('sorting and filtering', () => {
  it('sorts by title, filters unread, and remembers both after a restart', async () => {
    const { user } = await startWith(['Beta', 'Alpha', 'Gamma']);
    expect(shownTitles()).toEqual(['Gamma', 'Alpha', 'Beta']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Title');
    expect(shownTitles()).toEqual(['Alpha', 'Beta', 'Gamma']);
    await user.click(screen.getByRole('button', { name: 'Order: A to Z' }));
    expect(shownTitles()).toEqual(['Gamma', 'Beta', 'Alpha']);

    await user.click(row('Beta'));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Beta' })).toBeTruthy());
    await waitFor(() => expect(row('Beta').textContent).not.toMatch(/^Unread/));
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    await user.click(screen.getByRole('checkbox', { name: 'Unread' }));
    expect(shownTitles()).toEqual(['Gamma', 'Alpha']);
    expect(screen.getByText('2 of 3 articles')).toBeTruthy();

    cleanup();
    reloadLibraryView();
    render(<App />);
    await startApp();
    expect(shownTitles()).toEqual(['Gamma', 'Alpha']);
    await user.click(screen.getByRole('button', { name: 'Remove filter Unread' }));
    expect(shownTitles()).toEqual(['Gamma', 'Beta', 'Alpha']);
  });

  it('honours the window’s tag filter, shown as a chip that removes it', async () => {
    const { user } = await startWith(['Tagged', 'Plain']);
    const listed = await api.listArticles({});
    const tagged = listed.ok ? listed.value.find((a) => a.title === 'Tagged')! : undefined;
    await api.updateArticle({ id: tagged!.id, tags: ['region/east-asia'] });
    cleanup();
    render(<App />);
    await startApp();
    setTagFilter('region');
    await waitFor(() => expect(shownTitles()).toEqual(['Tagged']));
    await user.click(screen.getByRole('button', { name: 'Clear the filter region' }));
    expect(shownTitles()).toEqual(['Plain', 'Tagged']);
  });
});

describe('highlight counts', () => {
  it('follow the open article’s highlights without listing the library again', async () => {
    const { user } = await startWith(['Counted']);
    await user.click(row('Counted'));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Counted' })).toBeTruthy());
    expect(row('Counted').textContent).not.toContain('highlight');
    const listed = await api.listArticles({});
    const id = listed.ok ? listed.value[0]!.id : '';
    const view = await api.getArticle({ id });
    const text = view.ok ? view.value.text : '';
    const made = await api.createAnnotation({ articleId: id, target: describeRange(text, text.indexOf('Some'), text.indexOf('Some') + 4) });
    expect(made.ok).toBe(true);
    const listings = notebookHarness.calls.filter((call) => call.method === 'listArticles').length;
    // What the reader does after each highlight change: reload the article's annotations.
    await loadAnnotations(id);
    await waitFor(() => expect(row('Counted').textContent).toContain('1 highlight'));
    expect(notebookHarness.calls.filter((call) => call.method === 'listArticles')).toHaveLength(listings);
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    await user.click(screen.getByRole('checkbox', { name: 'Has highlights' }));
    expect(shownTitles()).toEqual(['Counted']);
  });
});

describe('several articles at once', () => {
  it('picks rows with Ctrl-click and Shift-click, tags them in one step, and undo takes the tag back', async () => {
    const { user } = await startWith(['One', 'Two', 'Three', 'Four']);
    await user.keyboard('{Control>}');
    await user.click(row('Four'));
    await user.keyboard('{/Control}');
    await user.keyboard('{Shift>}');
    await user.click(row('Two'));
    await user.keyboard('{/Shift}');
    const bar = screen.getByRole('toolbar', { name: 'Selected articles' });
    expect(within(bar).getByText('3 selected')).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();

    await user.click(within(bar).getByRole('button', { name: 'Add tag…' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a tag to 3 articles' });
    await user.type(within(dialog).getByRole('combobox', { name: 'Tag' }), 'To Read{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const tags = async () => {
      const answer = await api.listArticles({});
      return answer.ok ? Object.fromEntries(answer.value.map((a) => [a.title, a.tags])) : {};
    };
    expect(await tags()).toEqual({ One: [], Two: ['to-read'], Three: ['to-read'], Four: ['to-read'] });
    const history = await api.getHistory({});
    expect(history.ok && history.value.undo?.label).toBe('Tag 3 articles +to-read');

    await user.click(screen.getByRole('button', { name: 'Filter' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Tag' }), 'to-read');
    expect(shownTitles()).toEqual(['Four', 'Three', 'Two']);

    await user.click(screen.getByRole('checkbox', { name: 'Select “Four”' }));
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect(await tags()).toEqual({ One: [], Two: [], Three: [], Four: [] }));
    await waitFor(() => expect(screen.getByText('No article matches these filters.')).toBeTruthy());
  });

  it('moves with the arrow keys, picks with Space, opens with Enter', async () => {
    const { user } = await startWith(['One', 'Two', 'Three']);
    row('Three').focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(row('Two'));
    await user.keyboard(' ');
    await user.keyboard('{Shift>}{ArrowDown}{/Shift}');
    expect(screen.getByText('2 selected')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Select “One”' })).toHaveProperty('checked', true);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('toolbar', { name: 'Selected articles' })).toBeNull();
    await user.keyboard('{Home}{Enter}');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Three' })).toBeTruthy());
  });

  it('asks before deleting, naming how many articles and highlights go; undo brings them back', async () => {
    const { user } = await startWith(['Keep', 'Drop one', 'Drop two']);
    const listed = await api.listArticles({});
    const dropOne = listed.ok ? listed.value.find((a) => a.title === 'Drop one')! : undefined;
    const text = await api.getArticle({ id: dropOne!.id });
    await api.createAnnotation({ articleId: dropOne!.id, target: { quote: { exact: 'Drop', prefix: '', suffix: ' one' }, position: { start: 0, end: 4 } } });
    expect(text.ok).toBe(true);
    cleanup();
    render(<App />);
    await startApp();

    await user.click(screen.getByRole('checkbox', { name: 'Select “Drop one”' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select “Drop two”' }));
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    const confirm = screen.getByRole('dialog', { name: 'Delete 2 articles?' });
    expect(confirm.textContent).toContain('2 articles and their 1 highlight will be removed from your library');
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }));
    await user.click(within(confirm).getByRole('button', { name: 'Delete 2 articles' }));
    await waitFor(() => expect(shownTitles()).toEqual(['Keep']));
    expect(screen.queryByRole('toolbar', { name: 'Selected articles' })).toBeNull();

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(shownTitles()).toEqual(['Drop two', 'Drop one', 'Keep']));
  });
});

describe('deleting one article', () => {
  it('is undone by Undo, which lists it again', async () => {
    const { user } = await startWith(['Keep', 'Regret']);
    await user.click(row('Regret'));
    await user.click(await screen.findByRole('button', { name: 'Delete article' }));
    const confirm = screen.getByRole('dialog', { name: 'Delete article?' });
    expect(confirm.textContent).toContain('Undo brings it back.');
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(shownTitles()).toEqual(['Keep']));
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(shownTitles()).toEqual(['Regret', 'Keep']));
  });
});

describe('Edit details', () => {
  it('shows each problem beside its field and saves nothing until fixed; Save is one undo step', async () => {
    const { user } = await startWith(['Alliance']);
    await user.click(row('Alliance'));
    await user.click(await screen.findByRole('button', { name: 'Edit details…' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit details' });
    const field = (name: string) => within(dialog).getByRole('textbox', { name });
    await user.type(field('Publisher'), 'Associated Press');
    await user.type(field('URL'), 'apnews.com/story');
    await user.type(field('Published'), '2024-02-30');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(field('URL').getAttribute('aria-invalid')).toBe('true');
    expect(field('URL').getAttribute('aria-describedby')).toContain(field('URL').id + '-error');
    expect(within(dialog).getByText(/The URL must be a web address starting with http/)).toBeTruthy();
    expect(within(dialog).getByText(/The published date must be a real date written YYYY-MM-DD/)).toBeTruthy();
    expect(document.activeElement).toBe(field('URL'));
    expect(notebookHarness.calls.some((call) => call.method === 'updateArticle')).toBe(false);

    await user.clear(field('URL'));
    await user.type(field('URL'), 'https://apnews.com/story');
    await user.clear(field('Published'));
    await user.type(field('Published'), '2024-07-28');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const reader = screen.getByRole('main', { name: 'Reader' });
    expect(within(reader).getByText('Associated Press')).toBeTruthy();
    expect(row('Alliance').textContent).toContain('Associated Press');
    expect(row('Alliance').textContent).toContain('28 Jul 2024');

    await user.click(within(reader).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(row('Alliance').textContent).not.toContain('Associated Press'));
    expect(within(reader).queryByText('Associated Press')).toBeNull();
  });
});
