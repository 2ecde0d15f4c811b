// @vitest-environment jsdom
/**
 * Notes and tags in the window, over a real notebook: the note editor keeps what the notebook
 * refuses to save and says why; the tag field refuses a malformed tag and removes with
 * Backspace; renaming a tag onto an existing one becomes a merge.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_NOTE_BODY } from '../src-main/common/research-schema';
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

const api = notebookHarness.api;
const library = () => screen.getByRole('complementary', { name: 'Library' });

async function start() {
  render(<App />);
  await startApp();
  return userEvent.setup();
}

async function openNoteFromLibrary(user: ReturnType<typeof userEvent.setup>, title: string) {
  await user.click(within(library()).getByRole('tab', { name: 'Notes' }));
  await user.click(within(within(library()).getByRole('list', { name: 'Notes' })).getByRole('button', { name: new RegExp(title) }));
  return screen.findByRole('main', { name: 'Note' });
}

beforeEach(async () => {
  await notebookHarness.reset();
  resetStores();
  window.localStorage.clear();
});
afterEach(cleanup);
afterAll(() => notebookHarness.close());

describe('the note editor', () => {
  it('saves typing, and keeps text the notebook refuses, saying why', async () => {
    const created = await api.createNote({ title: 'Draft', body: 'First words' });
    if (!created.ok) throw new Error(created.error.message);
    const user = await start();
    const pane = await openNoteFromLibrary(user, 'Draft');
    const body = within(pane).getByRole('textbox', { name: 'Note text' });
    expect((body as HTMLTextAreaElement).value).toBe('First words');

    await user.type(body, ' and more');
    await waitFor(() => expect(within(pane).getByRole('status').textContent).toBe('Saved'));
    const saved = await api.getNote({ id: created.value.id });
    expect(saved.ok && saved.value.body).toBe('First words and more');

    const tooLong = 'x'.repeat(MAX_NOTE_BODY + 1);
    fireEvent.change(body, { target: { value: tooLong } });
    await waitFor(() => expect(within(pane).getByRole('status').textContent).toMatch(/^Could not save/));
    expect(screen.getAllByRole('status').map((s) => s.textContent).join(' ')).toMatch(/body is longer than 1,000,000 characters/);
    expect((body as HTMLTextAreaElement).value).toHaveLength(MAX_NOTE_BODY + 1);
    const unchanged = await api.getNote({ id: created.value.id });
    expect(unchanged.ok && unchanged.value.body).toBe('First words and more');
  });

  it('keeps a title on one line: Enter goes on to the text, a pasted line break becomes a space', async () => {
    const created = await api.createNote({ title: 'Draft', body: 'First words' });
    if (!created.ok) throw new Error(created.error.message);
    const user = await start();
    const pane = await openNoteFromLibrary(user, 'Draft');
    const title = within(pane).getByRole('textbox', { name: 'Note title' });
    await user.click(title);
    await user.keyboard('{End} on bases{Enter}');
    expect(document.activeElement).toBe(within(pane).getByRole('textbox', { name: 'Note text' }));
    await user.click(title);
    await user.paste('\nand treaties');
    await user.click(within(pane).getByRole('textbox', { name: 'Note text' }));
    await waitFor(() => expect(within(pane).getByRole('status').textContent).toBe('Saved'));
    const saved = await api.getNote({ id: created.value.id });
    expect(saved.ok && saved.value.title).toBe('Draft on bases and treaties');
  });
});

describe('tags', () => {
  it('the tag field refuses a malformed tag, adds with Enter, removes with Backspace', async () => {
    const note = await api.createNote({ title: 'Tagged' });
    if (!note.ok) throw new Error(note.error.message);
    const user = await start();
    const pane = await openNoteFromLibrary(user, 'Tagged');
    const field = within(pane).getByRole('combobox', { name: 'Add a tag (Tags for this note)' });

    await user.type(field, 'a//b{Enter}');
    expect(within(pane).getByRole('alert').textContent).toBe('a tag must not start or end with "/" or contain "//"');
    await user.clear(field);
    await user.type(field, 'Region / East Asia{Enter}');
    await waitFor(() => expect(within(within(pane).getByRole('list', { name: 'Tags for this note' })).getAllByRole('listitem')[0]!.textContent).toBe('region/east-asia'));
    await waitFor(async () => {
      const stored = await api.getNote({ id: note.value.id });
      expect(stored.ok && stored.value.tags).toEqual(['region/east-asia']);
    });

    await user.type(field, '{Backspace}');
    await waitFor(async () => {
      const stored = await api.getNote({ id: note.value.id });
      expect(stored.ok && stored.value.tags).toEqual([]);
    });
  });

  it('renaming a tag onto an existing one merges them, and one undo takes it back', async () => {
    await api.createNote({ title: 'One', tags: ['asia'] });
    await api.createNote({ title: 'Two', tags: ['region/east-asia'] });
    const user = await start();
    await user.click(within(library()).getByRole('tab', { name: 'Tags' }));
    await user.click(within(library()).getByRole('button', { name: 'Rename tag asia' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rename tag “asia”' });
    const field = within(dialog).getByRole('textbox', { name: 'New name' });
    await user.clear(field);
    await user.type(field, 'region/east-asia');
    expect(within(dialog).getByText(/already exists/).textContent).toContain('Merging puts everything tagged “asia” under “region/east-asia”');
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const tags = await api.listTags({});
    expect(tags.ok && tags.value).toEqual([{ tag: 'region/east-asia', counts: { article: 0, annotation: 0, claim: 0, note: 2 } }]);
    expect(within(library()).getByRole('button', { name: /^Filter by region\/east-asia: 2 notes$/ })).toBeTruthy();

    const undone = await api.undo({});
    expect(undone.ok && undone.value?.label).toBe('Merge “asia” into “region/east-asia”');
  });
});
