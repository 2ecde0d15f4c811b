// @vitest-environment jsdom
/**
 * The same record edited here and in another window (played by calls straight to the notebook,
 * whose change feed reaches this window as another window's would): nothing typed here is lost
 * and nothing saved there is written over. A change to another field is merged without asking;
 * the same field changed in both shows both versions to choose from.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeRange } from '../src-main/common/anchoring/describe-range';
import type { ApiResponse } from '../src-main/common/api';
import { App } from './App';
import { annotationStore } from './state/annotation-store';
import { openArticle } from './state/library-actions';
import { openNote } from './state/notes-actions';
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
const CONFLICT = 'This note was changed in another window';

async function valueOf<T>(answer: Promise<ApiResponse<T>>): Promise<T> {
  const result = await answer;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** A note, open in this window's editor; answers it and the editor's text field. */
async function openedNote(body = 'First words.') {
  const note = await valueOf(api.createNote({ title: 'Why alliances last', body }));
  render(<App />);
  await startApp();
  await openNote(note.id);
  const pane = await screen.findByRole('main', { name: 'Note' });
  const text = within(pane).getByRole('textbox', { name: 'Note text' }) as HTMLTextAreaElement;
  return { note, pane, text, user: userEvent.setup() };
}

const storedBody = async (id: string) => (await valueOf(api.getNote({ id }))).body;

beforeEach(async () => {
  await notebookHarness.reset();
  resetStores();
  window.localStorage.clear();
});
afterEach(cleanup);
afterAll(() => notebookHarness.close());

describe('a note edited here and in another window', () => {
  it('shows the other window’s text at once when nothing is being typed here', async () => {
    const { note, text } = await openedNote();
    await valueOf(api.updateNote({ id: note.id, body: 'Rewritten elsewhere.', baseRev: note.rev ?? null }));
    await waitFor(() => expect(text.value).toBe('Rewritten elsewhere.'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps what is typed here, shows both versions, and saves mine when I keep mine', async () => {
    const { note, pane, text, user } = await openedNote();
    fireEvent.change(text, { target: { value: 'First words. Mine.' } });
    await valueOf(api.updateNote({ id: note.id, body: 'First words. Theirs.', baseRev: note.rev ?? null }));

    const dialog = await screen.findByRole('dialog', { name: CONFLICT });
    // The other window's change did not replace the typing.
    expect(text.value).toBe('First words. Mine.');
    expect(within(dialog).getByRole('region', { name: 'The text in the other window' }).textContent).toContain('First words. Theirs.');
    expect(within(dialog).getByRole('region', { name: 'Your text' }).textContent).toContain('First words. Mine.');
    expect(dialog.textContent).toContain('“Why alliances last”');
    expect(await storedBody(note.id)).toBe('First words. Theirs.');

    await user.click(within(dialog).getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(within(pane).getByRole('status').textContent).toBe('Saved'));
    expect(await storedBody(note.id)).toBe('First words. Mine.');
    expect(text.value).toBe('First words. Mine.');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps both texts, or theirs, as chosen from the keyboard', async () => {
    const { note, pane, text, user } = await openedNote();
    fireEvent.change(text, { target: { value: 'Mine.' } });
    await valueOf(api.updateNote({ id: note.id, body: 'Theirs.', baseRev: note.rev ?? null }));
    const dialog = await screen.findByRole('dialog', { name: CONFLICT });
    // Focus starts on Keep mine; Keep both is reached with Shift+Tab.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep mine' }));
    await user.keyboard('{Shift>}{Tab}{/Shift}{Enter}');
    await waitFor(() => expect(within(pane).getByRole('status').textContent).toBe('Saved'));
    expect(await storedBody(note.id)).toBe('Mine.\n\nTheirs.');
    expect(text.value).toBe('Mine.\n\nTheirs.');

    const saved = await valueOf(api.getNote({ id: note.id }));
    fireEvent.change(text, { target: { value: 'Mine again.' } });
    await valueOf(api.updateNote({ id: note.id, body: 'Theirs again.', baseRev: saved.rev ?? null }));
    const again = await screen.findByRole('dialog', { name: CONFLICT });
    await user.click(within(again).getByRole('button', { name: 'Keep theirs' }));
    await waitFor(() => expect(text.value).toBe('Theirs again.'));
    expect(await storedBody(note.id)).toBe('Theirs again.');
  });

  it('leaves my text unsaved in the editor when I decide later', async () => {
    const { note, pane, text, user } = await openedNote();
    fireEvent.change(text, { target: { value: 'Mine.' } });
    await valueOf(api.updateNote({ id: note.id, body: 'Theirs.', baseRev: note.rev ?? null }));
    const dialog = await screen.findByRole('dialog', { name: CONFLICT });
    // (Esc does the same in a browser; jsdom's dialog does not cancel on Esc.)
    await user.click(within(dialog).getByRole('button', { name: 'Decide later' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(text.value).toBe('Mine.');
    await waitFor(() => expect(within(pane).getByRole('status').textContent).toMatch(/Could not save/));
    expect(await storedBody(note.id)).toBe('Theirs.');
  });

  it('merges a title changed there with text typed here, without asking', async () => {
    const { note, pane, text } = await openedNote();
    fireEvent.change(text, { target: { value: 'First words. Mine.' } });
    await valueOf(api.updateNote({ id: note.id, title: 'Why alliances endure', baseRev: note.rev ?? null }));
    await waitFor(() => expect(within(pane).getByRole('status').textContent).toBe('Saved'));
    const stored = await valueOf(api.getNote({ id: note.id }));
    expect([stored.title, stored.body]).toEqual(['Why alliances endure', 'First words. Mine.']);
    expect((within(pane).getByRole('textbox', { name: 'Note title' }) as HTMLInputElement).value).toBe('Why alliances endure');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('a highlight edited here and in another window', () => {
  /** An article with one highlight, open in this window; answers the highlight as shown and its card. */
  async function openedHighlight() {
    const added = await valueOf(api.importArticle({ format: 'text', content: 'The alliance agreed to upgrade its command structure.', title: 'Command' }));
    const { text: articleText } = await valueOf(api.getArticle({ id: added.id }));
    const at = articleText.indexOf('command structure');
    await valueOf(api.createAnnotation({ articleId: added.id, target: describeRange(articleText, at, at + 'command structure'.length) }));
    const [shown] = await valueOf(api.listAnnotations({ articleId: added.id }));
    render(<App />);
    await startApp();
    await openArticle(added.id);
    const margin = screen.getByRole('complementary', { name: 'Margin' });
    const card = await within(margin).findByRole('article', { name: 'command structure' });
    const stored = async () => (await valueOf(api.listAnnotations({ articleId: added.id })))[0]!;
    return { shown: shown!, card, stored, user: userEvent.setup() };
  }

  it('keeps the comment written here and the tags set there, without asking', async () => {
    const { shown, card, stored, user } = await openedHighlight();
    await user.click(within(card).getByRole('button', { name: 'Add comment' }));
    await user.type(within(card).getByRole('textbox', { name: 'Comment' }), 'Who commands?');
    await valueOf(api.updateAnnotation({ id: shown.id, tags: ['command'], baseRev: shown.rev ?? null }));
    // The other window's tags reach the card while the comment is still being written.
    await waitFor(() => expect(within(card).getByRole('list', { name: 'Tags for this highlight' }).textContent).toContain('command'));
    expect((within(card).getByRole('textbox', { name: 'Comment' }) as HTMLTextAreaElement).value).toBe('Who commands?');
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(async () => expect([(await stored()).comment, (await stored()).tags]).toEqual(['Who commands?', ['command']]));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows both comments when both windows wrote one, and keeps the one chosen', async () => {
    const { shown, card, stored, user } = await openedHighlight();
    await user.click(within(card).getByRole('button', { name: 'Add comment' }));
    await user.type(within(card).getByRole('textbox', { name: 'Comment' }), 'Mine');
    await valueOf(api.updateAnnotation({ id: shown.id, comment: 'Theirs', baseRev: shown.rev ?? null }));
    // Once the other window's comment has reached this window, the card still holds the one being written.
    await waitFor(() => expect(annotationStore.getState().annotations[0]?.comment).toBe('Theirs'));
    expect((within(card).getByRole('textbox', { name: 'Comment' }) as HTMLTextAreaElement).value).toBe('Mine');
    await user.keyboard('{Control>}{Enter}{/Control}');

    const dialog = await screen.findByRole('dialog', { name: 'This highlight was changed in another window' });
    expect(within(dialog).getByRole('region', { name: 'The comment in the other window' }).textContent).toContain('Theirs');
    expect(within(dialog).getByRole('region', { name: 'Your comment' }).textContent).toContain('Mine');
    await user.click(within(dialog).getByRole('button', { name: 'Keep mine' }));
    await waitFor(async () => expect((await stored()).comment).toBe('Mine'));
  });
});
