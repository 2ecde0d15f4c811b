// @vitest-environment jsdom
/**
 * The shell, driven as a person would, over a real notebook on a temporary folder (the real
 * services and store, behind the same contract the renderer's client speaks).
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { startApp } from './state/start-app';
import { notebookHarness } from './test-support/notebook-harness';
import { resetStores } from './test-support/reset-stores';

vi.mock('./notebook-client', async () => ({
  notebook: (await import('./test-support/notebook-harness')).notebookHarness.api,
}));
vi.mock('./notebook-feed', async () => ({
  notebookFeed: (await import('./test-support/notebook-harness')).notebookHarness.feed,
  onFeedReconnect: () => undefined,
}));

const SEED =
  'TOKYO: Japanese and U.S. defense chiefs agreed to further bolster their military cooperation.\n\n' +
  'Secretary of State Antony Blinken and Defense Secretary Lloyd Austin joined their Japanese counterparts.';

async function addViaDialog(user: ReturnType<typeof userEvent.setup>, fields: { title?: string; text: string; markdown?: boolean }) {
  await user.click(screen.getByRole('button', { name: 'New article' }));
  const dialog = screen.getByRole('dialog', { name: 'New article' });
  if (fields.title) await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), fields.title);
  if (fields.markdown) await user.click(within(dialog).getByRole('radio', { name: 'Markdown' }));
  await user.click(within(dialog).getByRole('textbox', { name: 'Article text' }));
  await user.paste(fields.text);
  await user.click(within(dialog).getByRole('button', { name: 'Add to library' }));
  return dialog;
}

async function startWith(...texts: string[]) {
  for (const content of texts) await notebookHarness.api.importArticle({ format: 'text', content });
  render(<App />);
  await startApp();
}

beforeEach(async () => {
  await notebookHarness.reset();
  resetStores();
});
afterEach(cleanup);
afterAll(() => notebookHarness.close());

describe('the library', () => {
  it('teaches what to do when it is empty', async () => {
    await startWith();
    const library = screen.getByRole('complementary', { name: 'Library' });
    expect(within(library).getByText('Your library is empty. Add an article with New article.')).toBeTruthy();
    expect(screen.getByRole('main', { name: 'Reader' }).textContent).toContain(
      'Choose an article from the library, or add one with New article.',
    );
    expect(screen.getByRole('complementary', { name: 'Margin' }).textContent).toContain(
      'Highlights, claims and notes for this article will gather here.',
    );
  });

  it('lists articles with source and date, and marks the open one', async () => {
    await startWith(SEED, 'A second article\n\nWith a body.');
    const user = userEvent.setup();
    const list = screen.getByRole('list', { name: 'Articles' });
    const items = within(list).getAllByRole('button');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('28 Jul 2024');

    await user.click(within(list).getByRole('button', { name: /A second article/ }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'A second article' })).toBeTruthy());
    expect(within(list).getByRole('button', { name: /A second article/ }).getAttribute('aria-current')).toBe('true');
    expect(within(list).getByRole('button', { name: /TOKYO/ }).hasAttribute('aria-current')).toBe(false);
  });

  it('hides and shows', async () => {
    await startWith(SEED);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Hide library' }));
    expect(screen.queryByRole('list', { name: 'Articles' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show library' }));
    expect(screen.getByRole('list', { name: 'Articles' })).toBeTruthy();
  });
});

describe('New article', () => {
  it('adds pasted text, opens it, and gives focus back to the button', async () => {
    await startWith();
    const user = userEvent.setup();
    const button = screen.getByRole('button', { name: 'New article' });
    await user.click(button);
    const dialog = screen.getByRole('dialog', { name: 'New article' });
    expect(document.activeElement).toBe(within(dialog).getByRole('textbox', { name: 'Title' }));
    expect(within(dialog).getByRole('radio', { name: 'Plain text' })).toHaveProperty('checked', true);
    expect(within(dialog).getByRole('radiogroup', { name: 'Format' })).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox', { name: 'Source (optional)' }), 'Kyodo');
    await user.click(within(dialog).getByRole('textbox', { name: 'Article text' }));
    await user.paste(SEED);
    await user.click(within(dialog).getByRole('button', { name: 'Add to library' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(button);
    expect(notebookHarness.calls.find((call) => call.method === 'importArticle')?.arg).toEqual({
      format: 'text',
      content: SEED,
      source: 'Kyodo',
    });
    const reader = screen.getByRole('main', { name: 'Reader' });
    await waitFor(() => expect(within(reader).getByRole('heading', { level: 1 })).toBeTruthy());
    const blocks = [...reader.querySelectorAll('article [data-block]')].map((block) => block.textContent);
    const listed = await notebookHarness.api.listArticles({});
    const id = listed.ok ? listed.value[0]!.id : '';
    const article = await notebookHarness.api.getArticle({ id });
    expect(article.ok && blocks.join('\n\n')).toBe(article.ok && article.value.text);
    expect(screen.getByRole('button', { name: /TOKYO/ }).getAttribute('aria-current')).toBe('true');
  });

  it('keeps what was typed and shows why when the import fails', async () => {
    await startWith();
    const user = userEvent.setup();
    notebookHarness.failNext('importArticle', { code: 'storage', message: 'The notebook folder is read-only.' });
    const dialog = await addViaDialog(user, { title: 'Kept title', text: '# Kept body', markdown: true });
    expect((await within(dialog).findByRole('alert')).textContent).toBe('The notebook folder is read-only.');
    expect(within(dialog).getByRole('textbox', { name: 'Title' })).toHaveProperty('value', 'Kept title');
    expect(within(dialog).getByRole('textbox', { name: 'Article text' })).toHaveProperty('value', '# Kept body');
    expect(within(dialog).getByRole('radio', { name: 'Markdown' })).toHaveProperty('checked', true);
  });

  it('asks for text before calling the notebook', async () => {
    await startWith();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'New article' }));
    await user.click(screen.getByRole('button', { name: 'Add to library' }));
    expect(screen.getByRole('alert').textContent).toBe('Paste or type the article text first.');
    expect(notebookHarness.calls.some((call) => call.method === 'importArticle')).toBe(false);
  });

  it('closes on Cancel', async () => {
    await startWith();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'New article' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('the open article', () => {
  async function openFirst() {
    await startWith(SEED, 'Second piece\n\nBody.');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /TOKYO/ }));
    await screen.findByRole('heading', { level: 1, name: /TOKYO/ });
    return user;
  }

  it('is renamed in place with Enter, in the reader and the list', async () => {
    const user = await openFirst();
    await user.click(screen.getByRole('button', { name: 'Rename article' }));
    const field = screen.getByRole('textbox', { name: 'Article title' });
    expect(document.activeElement).toBe(field);
    await user.clear(field);
    await user.type(field, 'Alliance talks{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'Alliance talks' });
    expect(screen.getByRole('button', { name: /Alliance talks/ }).getAttribute('aria-current')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rename article' }));
  });

  it('keeps the old title on Escape, and explains an empty one', async () => {
    const user = await openFirst();
    await user.click(screen.getByRole('button', { name: 'Rename article' }));
    const field = screen.getByRole('textbox', { name: 'Article title' });
    await user.clear(field);
    await user.type(field, '{Enter}');
    expect(screen.getByRole('alert').textContent).toMatch(/Give the article a title/);
    await user.type(field, '{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Article title' })).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: /TOKYO/ })).toBeTruthy();
  });

  it('is deleted after confirmation, and the reader moves to the next article', async () => {
    const user = await openFirst();
    await user.click(screen.getByRole('button', { name: 'Delete article' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete article?' });
    expect(dialog.textContent).toContain('TOKYO');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await screen.findByRole('heading', { level: 1, name: 'Second piece' });
    expect(screen.queryByRole('button', { name: /TOKYO/ })).toBeNull();
    expect(screen.getByRole('status').textContent).toMatch(/^Deleted “TOKYO/);
  });
});

describe('notices', () => {
  it('shows files that were set aside until dismissed', async () => {
    await notebookHarness.reset({ files: { 'articles/art_broken0001.json': '{"schemaVersion": 1, "arti' } });
    await startWith();
    const banner = screen.getByRole('alert');
    expect(banner.textContent).toMatch(
      /^A file of your notebook could not be read and was set aside: the article in articles\/art_broken0001\.json\. The damaged file is kept; nothing was deleted\./,
    );
    expect(within(banner).getByRole('button', { name: 'Show damaged files' })).toBeTruthy();
    await userEvent.setup().click(within(banner).getByRole('button', { name: 'Dismiss notice' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns that the notebook is open on another machine too, until dismissed', async () => {
    await notebookHarness.reset({ files: { 'notebook.lock': JSON.stringify({ pid: 4242, host: 'bens-laptop', since: '2026-12-01T09:30:00.000Z' }) } });
    await startWith();
    const banner = screen.getByRole('alert');
    expect(banner.textContent).toMatch(/^This notebook is also open on bens-laptop \(since 2026-12-01 09:30 UTC\)\. When two people edit at once through a synced folder/);
    await userEvent.setup().click(within(banner).getByRole('button', { name: 'Dismiss warning' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a failing call in the status region', async () => {
    // Both the first rows and the whole list: an unreachable host answers neither.
    notebookHarness.failNext('listArticles', { code: 'unavailable', message: "Marginalia's host is not reachable." }, 2);
    await startWith();
    expect(screen.getByRole('status').textContent).toBe("Marginalia's host is not reachable.");
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
