// @vitest-environment jsdom
/**
 * The search dialog over a real notebook (the real services, store and index): the shortcut
 * opens it, typed words come back grouped by kind with the words marked, arrows move the
 * active result, Enter opens the article with the found words painted.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeRange } from '../../../src-main/common/anchoring/describe-range';
import { App } from '../../App';
import { startApp } from '../../state/start-app';
import { notebookHarness } from '../../test-support/notebook-harness';
import { resetStores } from '../../test-support/reset-stores';

vi.mock('../../notebook-client', async () => ({
  notebook: (await import('../../test-support/notebook-harness')).notebookHarness.api,
}));
vi.mock('../../notebook-feed', async () => ({
  notebookFeed: (await import('../../test-support/notebook-harness')).notebookHarness.feed,
  onFeedReconnect: () => undefined,
}));

const TEXT = 'Harbour notes\n\nThe lighthouse keeper counted seven herons.\n\nAt noon the herons left the harbour.';

async function start() {
  const added = await notebookHarness.api.importArticle({ format: 'text', content: TEXT, title: 'Harbour notes' });
  if (!added.ok) throw new Error(added.error.message);
  render(<App />);
  await startApp();
  return { user: userEvent.setup(), articleId: added.value.id };
}

const dialog = () => screen.getByRole('dialog', { name: 'Search' });
const box = () => within(dialog()).getByRole('searchbox', { name: 'Search the notebook' });

beforeEach(async () => {
  await notebookHarness.reset();
  resetStores();
});
afterEach(cleanup);
afterAll(() => notebookHarness.close());

describe('the search dialog', () => {
  it('opens with Ctrl+K, shows results by kind with the words marked, and Enter paints the found words', async () => {
    const { user, articleId } = await start();
    const view = await notebookHarness.api.getArticle({ id: articleId });
    if (!view.ok) throw new Error(view.error.message);
    const at = view.value.text.indexOf('seven herons');
    const annotation = await notebookHarness.api.createAnnotation({ articleId, target: describeRange(view.value.text, at, at + 12), comment: 'Herons again.' });
    if (!annotation.ok) throw new Error(annotation.error.message);

    await user.keyboard('{Control>}k{/Control}');
    expect(document.activeElement).toBe(box());
    await user.type(box(), 'herons');
    const articles = await within(dialog()).findByRole('group', { name: 'Articles' });
    const highlights = within(dialog()).getByRole('group', { name: 'Highlights' });
    expect(within(articles).getAllByRole('option')).toHaveLength(1);
    expect([...articles.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['herons', 'herons']);
    expect(within(highlights).getByRole('option').textContent).toContain('seven herons');

    const options = within(within(dialog()).getByRole('listbox', { name: 'Results' })).getAllByRole('option');
    expect(options.map((o) => o.getAttribute('aria-selected'))).toEqual(['true', 'false']);
    await user.keyboard('{ArrowDown}');
    expect(box().getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    await user.keyboard('{ArrowDown}');
    expect(box().getAttribute('aria-activedescendant')).toBe(options[0]!.id);

    await user.keyboard('{Enter}');
    expect(screen.queryByRole('dialog', { name: 'Search' })).toBeNull();
    const reader = screen.getByRole('main', { name: 'Reader' });
    await waitFor(() => expect(reader.querySelector('mark[data-found-passage]')?.textContent).toBe('herons'));
  });

  it('opens with / but not while typing in a field, and Esc closes it', async () => {
    const { user } = await start();
    await user.click(within(screen.getByRole('list', { name: 'Articles' })).getByRole('button', { name: /Harbour notes/ }));
    await user.click(screen.getByRole('button', { name: 'Rename article' }));
    const title = screen.getByRole('textbox', { name: /title/i });
    await user.type(title, '/');
    expect(screen.queryByRole('dialog', { name: 'Search' })).toBeNull();
    await user.keyboard('{Escape}');

    await user.click(screen.getByRole('main', { name: 'Reader' }));
    await user.keyboard('/');
    expect(dialog()).toBeTruthy();
    await user.type(box(), 'zebra');
    await waitFor(() => expect(within(dialog()).getByRole('status').textContent).toContain('Nothing matches “zebra”.'));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Search' })).toBeNull();
  });
});
