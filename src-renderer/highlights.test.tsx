// @vitest-environment jsdom
/**
 * Highlights, driven as a person would, over a real notebook (the real services and store):
 * select words in the reader, highlight them, see the mark and its card, comment, recolour,
 * delete, undo and redo, and review highlights orphaned by an edit of the article.
 */
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../src-main/common/app-menu';
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

const TEXT =
  'Reading notes\n\n' +
  'The alliance agreed to upgrade its command structure in Tokyo.\n\n' +
  'Critics said the change was overdue and the command upgrade was too slow.';

async function openSeed() {
  const added = await notebookHarness.api.importArticle({ format: 'text', content: TEXT });
  if (!added.ok) throw new Error(added.error.message);
  render(<App />);
  await startApp();
  const user = userEvent.setup();
  await user.click(within(screen.getByRole('list', { name: 'Articles' })).getByRole('button', { name: /Reading notes/ }));
  await waitFor(() => expect(screen.getByRole('main', { name: 'Reader' }).textContent).toContain('Critics said'));
  await waitFor(() => expect(screen.getByRole('complementary', { name: 'Margin' }).textContent).toContain('Select any passage to highlight it.'));
  return { user, articleId: added.value.id };
}

/** Selects `phrase` (its `nth` occurrence) in the reader, as a mouse drag would. */
function selectPhrase(phrase: string, nth = 0) {
  const body = screen.getByRole('main', { name: 'Reader' }).querySelector('.article-body')!;
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let index = node.textContent!.indexOf(phrase);
    while (index >= 0) {
      if (seen === nth) {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + phrase.length);
        act(() => {
          const selection = document.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          document.dispatchEvent(new Event('selectionchange'));
        });
        return;
      }
      seen += 1;
      index = node.textContent!.indexOf(phrase, index + 1);
    }
  }
  throw new Error(`"${phrase}" not found`);
}

const margin = () => screen.getByRole('complementary', { name: 'Margin' });
const marks = () => [...screen.getByRole('main', { name: 'Reader' }).querySelectorAll('mark')];

beforeEach(async () => {
  await notebookHarness.reset();
  resetStores();
});
afterEach(cleanup);
afterAll(() => notebookHarness.close());

describe('highlighting', () => {
  it('highlights the selected occurrence from the toolbar, and lists it in the margin', async () => {
    const { user } = await openSeed();
    selectPhrase('command upgrade');
    const toolbar = screen.getByRole('toolbar', { name: 'Selection' });
    expect(within(toolbar).getByRole('button', { name: 'Highlight yellow' }).getAttribute('title')).toContain('Key point');
    for (const name of ['Claim', 'Tag', 'Note']) expect((within(toolbar).getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(false);
    // No claim exists yet, so there is nothing to add evidence to.
    expect(within(toolbar).queryByRole('button', { name: 'Evidence' })).toBeNull();

    await user.click(within(toolbar).getByRole('button', { name: 'Highlight green' }));
    await waitFor(() => expect(marks().map((mark) => mark.textContent)).toEqual(['command upgrade']));
    expect(marks()[0]!.getAttribute('aria-label')).toBe('Highlight: Evidence');
    expect(marks()[0]!.className).toContain('hl-green');
    const card = within(margin()).getByRole('article', { name: 'command upgrade' });
    expect(card.textContent).toContain('Evidence');
    expect(screen.queryByRole('toolbar', { name: 'Selection' })).toBeNull();
  });

  it('highlights with h in the current colour, which 1–6 choose', async () => {
    const { user } = await openSeed();
    selectPhrase('Tokyo');
    await user.keyboard('4');
    await user.keyboard('h');
    await waitFor(() => expect(marks().map((mark) => mark.className)).toEqual(['hl hl-pink hl-selected']));
    expect(marks()[0]!.getAttribute('aria-label')).toBe('Highlight: Disputed');
  });

  it('hides the toolbar on Esc', async () => {
    const { user } = await openSeed();
    selectPhrase('Tokyo');
    expect(screen.getByRole('toolbar', { name: 'Selection' })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('toolbar', { name: 'Selection' })).toBeNull();
  });

  it('comments, recolours, deletes, and undoes and redoes with the keyboard', async () => {
    const { user } = await openSeed();
    selectPhrase('alliance agreed');
    await user.keyboard('h');
    const card = await within(margin()).findByRole('article', { name: 'alliance agreed' });

    await user.click(within(card).getByRole('button', { name: 'Add comment' }));
    await user.type(within(card).getByRole('textbox', { name: 'Comment' }), 'A **big** step');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(card.querySelector('.comment-body strong')?.textContent).toBe('big'));

    await user.click(within(card).getByRole('button', { name: 'Change colour' }));
    await user.click(screen.getByRole('menuitemradio', { name: /Blue/ }));
    await waitFor(() => expect(marks()[0]!.className).toContain('hl-blue'));

    await user.click(within(card).getByRole('button', { name: 'Delete highlight' }));
    await waitFor(() => expect(marks()).toHaveLength(0));
    expect(margin().textContent).toContain('Select any passage to highlight it.');

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(marks().map((mark) => mark.textContent)).toEqual(['alliance agreed']));
    expect(screen.getByRole('status').textContent).toMatch(/^Undid: /);
    expect(marks()[0]!.className).toContain('hl-blue');

    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(() => expect(marks()).toHaveLength(0));
    expect(screen.getByRole('status').textContent).toMatch(/^Redid: /);
  });

  it('undoes and redoes from the desktop menu, and leaves a focused field its own undo', async () => {
    // What the Electron preload provides: the menu's commands, nothing else.
    let send: (command: MenuCommand) => void = () => undefined;
    window.appMenu = { onCommand: (listener) => ((send = listener), () => undefined) };
    try {
      const { user } = await openSeed();
      selectPhrase('command structure');
      await user.keyboard('h');
      await waitFor(() => expect(marks()).toHaveLength(1));

      act(() => send('undo'));
      await waitFor(() => expect(marks()).toHaveLength(0));
      expect(screen.getByRole('status').textContent).toBe('Undid: Highlight');
      act(() => send('redo'));
      await waitFor(() => expect(marks()).toHaveLength(1));

      const card = await within(margin()).findByRole('article', { name: 'command structure' });
      await user.click(within(card).getByRole('button', { name: 'Add comment' }));
      const execCommand = vi.fn(() => true);
      document.execCommand = execCommand;
      const before = notebookHarness.calls.length;
      act(() => send('undo'));
      expect(execCommand).toHaveBeenCalledWith('undo');
      expect(notebookHarness.calls.slice(before).map((call) => call.method)).not.toContain('undo');
    } finally {
      delete window.appMenu;
    }
  });

  it('leaves Ctrl+Z to a text field while one is being typed in', async () => {
    const { user } = await openSeed();
    selectPhrase('Tokyo');
    await user.keyboard('h');
    const card = await within(margin()).findByRole('article', { name: 'Tokyo' });
    await user.click(within(card).getByRole('button', { name: 'Add comment' }));
    await user.type(within(card).getByRole('textbox', { name: 'Comment' }), 'draft');
    const before = notebookHarness.calls.length;
    await user.keyboard('{Control>}z{/Control}');
    expect(notebookHarness.calls.slice(before).map((call) => call.method)).not.toContain('undo');
    expect(marks()).toHaveLength(1);
  });

  it('selects the card of a clicked passage, and reaches the outer of two nested highlights on a second click', async () => {
    const { user } = await openSeed();
    selectPhrase('upgrade its command structure');
    await user.keyboard('h');
    await waitFor(() => expect(marks()).toHaveLength(1));
    selectPhrase('command');
    await user.keyboard('2h');
    await waitFor(() => expect(marks()).toHaveLength(2));
    act(() => document.getSelection()!.removeAllRanges());

    const current = () => within(margin()).getAllByRole('article').find((card) => card.getAttribute('aria-current') === 'true');
    const outer = marks().find((mark) => mark.textContent!.startsWith('upgrade'))!;
    const inner = marks().find((mark) => mark.textContent === 'command')!;
    await user.click(outer);
    expect(current()).toBe(within(margin()).getByRole('article', { name: 'upgrade its command structure' }));
    await user.click(inner);
    expect(current()).toBe(within(margin()).getByRole('article', { name: 'command' }));
    await user.click(inner);
    expect(current()).toBe(within(margin()).getByRole('article', { name: 'upgrade its command structure' }));
  });

  it('edits the colour legend, and marks show the new meaning', async () => {
    const { user } = await openSeed();
    selectPhrase('Tokyo');
    await user.keyboard('h');
    await waitFor(() => expect(marks()).toHaveLength(1));
    await user.click(within(margin()).getByRole('button', { name: 'Colour legend' }));
    const field = within(margin()).getByRole('textbox', { name: 'Meaning of yellow' });
    expect((field as HTMLInputElement).value).toBe('Key point');
    await user.clear(field);
    await user.type(field, 'Place{Enter}');
    await waitFor(() => expect(marks()[0]!.getAttribute('aria-label')).toBe('Highlight: Place'));
  });

  it('lists orphans under Needs review after the article changed, and re-attaches one to a selection', async () => {
    const { user, articleId } = await openSeed();
    selectPhrase('change was overdue');
    await user.keyboard('h');
    await waitFor(() => expect(marks()).toHaveLength(1));

    // There is no content editor yet; the article is edited through the API as one would be.
    const edited = TEXT.replace('Critics said the change was overdue and the command', 'Others doubted everything, and the command');
    const answer = await notebookHarness.api.updateArticle({ id: articleId, content: edited });
    expect(answer.ok).toBe(true);
    cleanup();
    resetStores();
    render(<App />);
    await startApp();
    await user.click(within(screen.getByRole('list', { name: 'Articles' })).getByRole('button', { name: /Reading notes/ }));
    const review = await within(margin()).findByRole('region', { name: 'Needs review' });
    const orphan = within(review).getByRole('article', { name: 'change was overdue' });
    const reattach = within(orphan).getByRole('button', { name: 'Re-attach to selection' }) as HTMLButtonElement;
    expect(reattach.disabled).toBe(true);

    selectPhrase('doubted everything');
    await waitFor(() => expect(reattach.disabled).toBe(false));
    await user.click(reattach);
    await waitFor(() => expect(marks().map((mark) => mark.textContent)).toEqual(['doubted everything']));
    expect(within(margin()).queryByRole('region', { name: 'Needs review' })).toBeNull();
  });
});

describe('deleting a cited highlight, and backlinks', () => {
  /** Highlights `phrase` from the keyboard and answers its id. */
  async function highlight(user: ReturnType<typeof userEvent.setup>, articleId: string, phrase: string) {
    selectPhrase(phrase);
    await user.keyboard('h');
    await within(margin()).findByRole('article', { name: phrase });
    const listed = await notebookHarness.api.listAnnotations({ articleId });
    if (!listed.ok) throw new Error(listed.error.message);
    return listed.value.find((annotation) => annotation.target.quote.exact === phrase)!.id;
  }

  /** Has a claim and a note cite the highlight, as the claims and notes views would. */
  async function cite(annotationId: string) {
    const claim = await notebookHarness.api.createClaim({ annotationId, statement: 'Tokyo hosts the new command' });
    const note = await notebookHarness.api.createNote({ title: 'Official view' });
    if (!claim.ok || !note.ok) throw new Error('could not cite the highlight');
    const linked = await notebookHarness.api.linkNote({ noteId: note.value.id, target: { annotationId }, relation: 'supports' });
    expect(linked.ok).toBe(true);
  }

  it('deletes a highlight nothing cites at once', async () => {
    const { user, articleId } = await openSeed();
    await highlight(user, articleId, 'Tokyo');
    const card = within(margin()).getByRole('article', { name: 'Tokyo' });
    expect(card.textContent).not.toContain('Cited by');
    await user.click(within(card).getByRole('button', { name: 'Delete highlight' }));
    await waitFor(() => expect(marks()).toHaveLength(0));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks before deleting a highlight a claim and a note cite, naming them; Cancel keeps it, Delete removes it, undo restores it', async () => {
    const { user, articleId } = await openSeed();
    const id = await highlight(user, articleId, 'Tokyo');
    await cite(id);

    const deleteButton = () => within(within(margin()).getByRole('article', { name: 'Tokyo' })).getByRole('button', { name: 'Delete highlight' });
    await user.click(deleteButton());
    const dialog = await screen.findByRole('dialog', { name: 'Delete highlight?' });
    expect(dialog.textContent).toContain('This passage is evidence for 1 claim: “Tokyo hosts the new command”.');
    expect(dialog.textContent).toContain('1 note links to it: “Official view” (supports).');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(marks()).toHaveLength(1);

    await user.click(deleteButton());
    await user.click(within(await screen.findByRole('dialog', { name: 'Delete highlight?' })).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(marks()).toHaveLength(0));
    expect(screen.queryByRole('dialog')).toBeNull();
    const usage = await notebookHarness.api.getAnnotationUsage({ id });
    expect(usage.ok).toBe(false);

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(marks().map((mark) => mark.textContent)).toEqual(['Tokyo']));
    const restored = await notebookHarness.api.getAnnotationUsage({ id });
    expect(restored.ok && restored.value.claims.length + restored.value.notes.length).toBe(2);
    await waitFor(() => expect(within(margin()).getByRole('article', { name: 'Tokyo' }).textContent).toContain('Official view — supports'));
  });

  it('shows on a card the notes that cite it, with the relation', async () => {
    const { user, articleId } = await openSeed();
    const id = await highlight(user, articleId, 'Tokyo');
    await cite(id);
    // Notes are linked elsewhere in the app; the margin picks them up when the article loads.
    cleanup();
    resetStores();
    render(<App />);
    await startApp();
    await user.click(within(screen.getByRole('list', { name: 'Articles' })).getByRole('button', { name: /Reading notes/ }));
    const card = await within(margin()).findByRole('article', { name: 'Tokyo' });
    const citedBy = await within(card).findByRole('region', { name: 'Cited by' });
    expect(within(citedBy).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Official view — supports']);
  });
});

describe('claims from the reader', () => {
  async function claimsNow() {
    const listed = await notebookHarness.api.listClaims({});
    if (!listed.ok) throw new Error(listed.error.message);
    return listed.value;
  }

  it('highlights the selection and makes it a claim with c; the mark and card show it', async () => {
    const { user } = await openSeed();
    selectPhrase('command upgrade');
    await user.keyboard('c');
    const card = await within(margin()).findByRole('article', { name: 'command upgrade' });
    await waitFor(async () => expect((await claimsNow()).map((claim) => claim.statement)).toEqual(['command upgrade']));
    await waitFor(() => expect(marks()[0]!.className).toContain('is-claim'));
    expect(marks()[0]!.className).toContain('hl-yellow');
    expect(marks()[0]!.getAttribute('aria-label')).toBe('Highlight: Key point, claim');
    const section = await within(card).findByRole('region', { name: 'Claim' });
    expect((within(section).getByRole('textbox', { name: 'Claim statement' }) as HTMLInputElement).value).toBe('command upgrade');
  });

  it('saves an edited statement on Enter, puts it back on Esc, and shows the counts', async () => {
    const { user } = await openSeed();
    selectPhrase('Tokyo');
    await user.keyboard('c');
    const card = await within(margin()).findByRole('article', { name: 'Tokyo' });
    const field = () => within(card).getByRole('textbox', { name: 'Claim statement' }) as HTMLInputElement;
    await waitFor(() => expect(field().value).toBe('Tokyo'));

    await user.clear(field());
    await user.type(field(), 'Tokyo hosts the new command{Enter}');
    await waitFor(async () => expect((await claimsNow()).map((claim) => claim.statement)).toEqual(['Tokyo hosts the new command']));
    await waitFor(() => expect(field().value).toBe('Tokyo hosts the new command'));

    await user.clear(field());
    await user.type(field(), 'Something else{Escape}');
    expect(field().value).toBe('Tokyo hosts the new command');
    expect((await claimsNow()).map((claim) => claim.statement)).toEqual(['Tokyo hosts the new command']);

    const [claim] = await claimsNow();
    const supporting = await notebookHarness.api.createNote({ title: 'For' });
    const against = await notebookHarness.api.createNote({ title: 'Against' });
    if (!claim || !supporting.ok || !against.ok) throw new Error('could not set up notes');
    await notebookHarness.api.linkNote({ noteId: supporting.value.id, target: { claimId: claim.id }, relation: 'supports' });
    await notebookHarness.api.linkNote({ noteId: against.value.id, target: { claimId: claim.id }, relation: 'contradicts' });
    // Links made elsewhere (another window, here the API) arrive through the change feed.
    await waitFor(() => expect(within(margin()).getByRole('article', { name: 'Tokyo' }).textContent).toContain('1 supports · 1 contradicts'));
  });

  it('undoes the claim, then the highlight: two steps', async () => {
    const { user } = await openSeed();
    selectPhrase('alliance agreed');
    await user.click(within(screen.getByRole('toolbar', { name: 'Selection' })).getByRole('button', { name: 'Claim' }));
    await waitFor(() => expect(marks()[0]?.className).toContain('is-claim'));

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(marks()[0]?.className).not.toContain('is-claim'));
    expect(marks().map((mark) => mark.textContent)).toEqual(['alliance agreed']);
    expect(await claimsNow()).toEqual([]);
    expect(within(within(margin()).getByRole('article', { name: 'alliance agreed' })).queryByRole('region', { name: 'Claim' })).toBeNull();

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(marks()).toHaveLength(0));
  });
});
