// @vitest-environment jsdom
/**
 * Sharing and syncing as the person sees it, over a stand-in for the main side: "Share through
 * git…" before the notebook is shared, each field's problem beside it, the remote's refusal by
 * the button, the Sync control's states and what it offers in each, and a record's History.
 */
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordVersion, SyncStatus } from '../../../src-main/common/sync-schema';
import { HistoryButton } from '../../components/HistoryButton';
import { statusStore } from '../../state/status-store';
import { syncStore } from '../../state/sync-store';
import { resetStores } from '../../test-support/reset-stores';
import { SyncHost } from './SyncHost';
import { SyncPanel } from './SyncPanel';

const main = vi.hoisted(() => ({
  getSyncStatus: vi.fn(),
  shareNotebook: vi.fn(),
  syncNotebook: vi.fn(),
  setSyncCredentials: vi.fn(),
  getRecordHistory: vi.fn(),
  restoreVersion: vi.fn(),
}));
vi.mock('../../notebook-client', () => ({ notebook: main, browserToken: () => undefined }));
vi.mock('../../notebook-feed', () => ({ notebookFeed: { subscribe: () => () => undefined }, onFeedReconnect: () => undefined }));

const REMOTE = 'https://github.com/team/alliance-reading-group-notebook.git';
const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
const failed = (message: string) => Promise.resolve({ ok: false as const, error: { code: 'invalid_argument' as const, message } });
const shared = (status: Partial<SyncStatus>): SyncStatus => ({ shared: true, remote: REMOTE, state: 'up-to-date', pending: 0, author: { name: 'Ana' }, ...status });

function showWith(status: SyncStatus) {
  main.getSyncStatus.mockImplementation(() => ok(status));
  render(
    <>
      <SyncPanel />
      <SyncHost />
    </>,
  );
  return userEvent.setup();
}

beforeEach(() => {
  resetStores();
  for (const fn of Object.values(main)) fn.mockReset();
});
afterEach(cleanup);

describe('before the notebook is shared', () => {
  it('offers Share through git…, checks each field, and shows the remote’s refusal by the button', async () => {
    const user = showWith({ shared: false });
    await user.click(await screen.findByRole('button', { name: 'Share through git…' }));
    const dialog = screen.getByRole('dialog', { name: 'Share through git' });
    expect(within(dialog).getByRole('textbox', { name: 'Remote address' })).toBe(document.activeElement);

    await user.keyboard('github.com/team/notebook');
    await user.click(within(dialog).getByRole('button', { name: 'Share' }));
    const address = within(dialog).getByRole('textbox', { name: 'Remote address' });
    expect(address.getAttribute('aria-invalid')).toBe('true');
    expect(address).toBe(document.activeElement);
    const why = within(dialog).getByText(/^“github\.com\/team\/notebook” is not an address/);
    expect(address.getAttribute('aria-describedby')).toBe(why.id);
    expect(within(dialog).getByText('Give your name: it signs your changes in the shared history.')).toBeTruthy();
    expect(main.shareNotebook).not.toHaveBeenCalled();

    await user.clear(address);
    await user.type(address, REMOTE);
    await user.type(within(dialog).getByLabelText('Token'), 'glpat-wrong');
    await user.type(within(dialog).getByRole('textbox', { name: 'Your name' }), 'Ana Ito');
    main.shareNotebook.mockImplementation(() => failed('github.com refused the user name or token (HTTP 401).'));
    await user.keyboard('{Enter}');
    expect(await within(dialog).findByRole('alert')).toHaveProperty('textContent', 'github.com refused the user name or token (HTTP 401).');
    expect(main.shareNotebook).toHaveBeenCalledWith({ remote: REMOTE, token: 'glpat-wrong', authorName: 'Ana Ito' });
    expect(within(dialog).getByRole('textbox', { name: 'Your name' })).toHaveProperty('value', 'Ana Ito');

    main.shareNotebook.mockImplementation(() => ok({ sent: 3, received: 0, conflicts: 0, retries: 0, said: 'sent 3 changes, received 0' }));
    main.getSyncStatus.mockImplementation(() => ok(shared({})));
    await user.click(within(dialog).getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(statusStore.getState().message?.text).toBe('Shared: sent 3 changes, received 0.');
    const region = await screen.findByRole('region', { name: 'Sharing' });
    // The button that opened the dialog is gone: focus goes to Sync, which took its place.
    await waitFor(() => expect(document.activeElement).toBe(within(region).getByRole('button', { name: 'Sync' })));
  });
});

describe('the Sync control', () => {
  it.each([
    [shared({ state: 'up-to-date' }), 'Up to date'],
    [shared({ state: 'changes-to-send', pending: 3 }), '3 changes to send'],
    [shared({ state: 'syncing' }), 'Syncing…'],
    [shared({ state: 'offline', message: 'Offline: could not reach github.com.' }), 'Offline'],
    [shared({ state: 'error', message: 'There is no repository there.' }), 'Sync failed'],
  ])('says where the sync stands: %j → %s', async (status, words) => {
    showWith(status);
    const region = await screen.findByRole('region', { name: 'Sharing' });
    expect(region.textContent).toContain(words);
    expect(within(region).getByTitle(REMOTE).textContent).toBe('github.com/team/alliance-reading-group-notebook');
  });

  it('syncs on a click and says how it went; a refused token is replaced from the control', async () => {
    const user = showWith(shared({ state: 'changes-to-send', pending: 1 }));
    const region = await screen.findByRole('region', { name: 'Sharing' });
    main.syncNotebook.mockImplementation(() => failed('github.com refused the user name or token (HTTP 401). Check them.'));
    main.getSyncStatus.mockImplementation(() => ok(shared({ state: 'error', pending: 1, problem: 'credentials', message: 'github.com refused the user name or token (HTTP 401). Check them.' })));
    await user.click(within(region).getByRole('button', { name: 'Sync' }));
    await waitFor(() => expect(region.textContent).toContain('Sync failed'));
    expect(statusStore.getState().message).toMatchObject({ tone: 'error', text: 'github.com refused the user name or token (HTTP 401). Check them.' });

    // The reason is folded under the state; the way to fix it is not.
    const state = within(region).getByRole('button', { name: 'Sync failed' });
    expect(state.getAttribute('aria-expanded')).toBe('false');
    await user.click(state);
    expect(region.textContent).toContain('refused the user name or token');
    await user.click(within(region).getByRole('button', { name: 'Enter a new token…' }));
    const dialog = screen.getByRole('dialog', { name: 'New token for the remote' });
    await user.click(within(dialog).getByRole('button', { name: 'Save and sync' }));
    expect(within(dialog).getByText(/^Enter the token/)).toBeTruthy();
    expect(main.setSyncCredentials).not.toHaveBeenCalled();

    main.setSyncCredentials.mockImplementation(() => ok(null));
    main.syncNotebook.mockImplementation(() => ok({ sent: 1, received: 2, conflicts: 1, retries: 0, said: 'sent 1 change, received 2, 1 conflict kept' }));
    main.getSyncStatus.mockImplementation(() => ok(shared({})));
    await user.type(within(dialog).getByLabelText('Token'), 'glpat-new{Enter}');
    await waitFor(() => expect(statusStore.getState().message?.text).toBe('Synced: sent 1 change, received 2, 1 conflict kept.'));
    expect(main.setSyncCredentials).toHaveBeenCalledWith({ token: 'glpat-new' });
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(region.textContent).toContain('Up to date'));
  });

  it('is one button in the collapsed pane', async () => {
    main.getSyncStatus.mockImplementation(() => ok(shared({ state: 'changes-to-send', pending: 2 })));
    render(
      <>
        <SyncPanel compact />
        <SyncHost />
      </>,
    );
    expect(await screen.findByRole('button', { name: 'Sync (2 changes to send)' })).toBeTruthy();
  });
});

describe('a record’s History', () => {
  const VERSIONS: RecordVersion[] = [
    { commit: 'b'.repeat(40), at: '2026-11-30T14:05:00.000Z', author: 'Kenji', message: '1 note', summary: 'Basing: who pays?', current: true },
    { commit: 'a'.repeat(40), at: '2026-11-29T09:00:00.000Z', author: 'Ana', message: '2 notes', summary: 'Basing: (empty)', current: false },
  ];

  it('is offered only while the notebook is shared', () => {
    render(<HistoryButton kind="note" id="note_aaaaaaaa" subject="the note “Basing”" />);
    expect(screen.queryByRole('button', { name: 'History' })).toBeNull();
    act(() => syncStore.setState({ status: shared({}) }));
    expect(screen.getByRole('button', { name: 'History' })).toBeTruthy();
  });

  it('lists the versions, newest first, the current one marked, and restores another', async () => {
    main.getRecordHistory.mockImplementation(() => ok(VERSIONS));
    const user = showWith(shared({}));
    render(<HistoryButton kind="note" id="note_aaaaaaaa" subject="the note “Basing”" />);
    await user.click(await screen.findByRole('button', { name: 'History' }));
    const dialog = screen.getByRole('dialog', { name: 'History of the note “Basing”' });
    const items = await within(dialog).findAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('aria-current'))).toEqual(['true', null]);
    expect(items[0]!.textContent).toContain('Current');
    expect(within(items[0]!).queryByRole('button')).toBeNull();
    expect(main.getRecordHistory).toHaveBeenCalledWith({ kind: 'note', id: 'note_aaaaaaaa' });

    main.restoreVersion.mockImplementation(() => failed('That version is not in the shared history.'));
    await user.click(within(items[1]!).getByRole('button', { name: /^Restore the version of .+ by Ana$/ }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('That version is not in the shared history.');

    main.restoreVersion.mockImplementation(() => ok({ label: 'Restore an earlier version of a note' }));
    await user.click(within(items[1]!).getByRole('button', { name: /^Restore the version of .+ by Ana$/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(main.restoreVersion).toHaveBeenLastCalledWith({ kind: 'note', id: 'note_aaaaaaaa', commit: 'a'.repeat(40) });
    expect(statusStore.getState().message?.text).toMatch(/^Restored the version of .+ by Ana\. Undo takes it back\.$/);
  });
});
