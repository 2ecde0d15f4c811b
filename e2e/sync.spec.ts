/**
 * A notebook two colleagues share through a git remote (a real smart-HTTP server started here,
 * on 127.0.0.1), each in a Marginalia of their own (two browser-mode hosts on two folders).
 * A writes a note and shares the notebook through an empty remote; B joins with the same
 * address and finds A's note. A edits the note and highlights a passage with the mouse, and
 * presses Sync; B presses Sync and sees both. In B, the note's History lists its two versions:
 * Restore brings the first back, and Ctrl+Z undoes that.
 *
 * Then one notebook and a remote that wants a token: a refused token, a sync under way, an
 * offline remote and an expired token each said in words, a new token entered, and a
 * highlight's History — with screenshots of each, light and dark.
 */
import { mkdirSync } from 'node:fs';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { dragSelect, highlightCard } from './support/highlights-ui';
import { libraryPane, openArticle } from './support/library-ui';
import { notePane, notesList, showSection } from './support/research-ui';
import { withSecondHost } from './support/second-host';
import { fillShareDialog, historyDialog, shareDialog, sharing, shareThrough, syncButton, syncNow } from './support/sync-ui';
import { startGitHttpServer, type GitHttpServer } from '../src-main/test-support/git-http-server';

const NOTE_TITLE = 'Command and control';
const FIRST_TEXT = 'The headquarters gains operational command.';
const MORE_TEXT = ' Not before 2025, says the minister.';
const PASSAGE = 'historic turning point';

test('a notebook shared through git: joined, synced both ways, and a note’s earlier version restored from its history', async ({ app, target, webBrowser }, testInfo) => {
  test.skip(target !== 'web', 'Two notebooks side by side need two hosts: browser mode only (the desktop app runs one notebook per process).');
  test.setTimeout(240_000);
  const a = app;
  let remotes: GitHttpServer | undefined;
  try {
    remotes = await startGitHttpServer();
    const remote = await remotes.createBare('notebook.git');

    // A writes a note, then shares the notebook through the empty remote.
    await showSection(a.page, 'Notes');
    await libraryPane(a.page).getByRole('button', { name: 'New note' }).click();
    const note = notePane(a.page);
    await note.getByRole('textbox', { name: 'Note title' }).pressSequentially(NOTE_TITLE);
    await note.getByRole('textbox', { name: 'Note text' }).click();
    await a.page.keyboard.type(FIRST_TEXT);
    await expect(note.getByRole('status')).toHaveText('Saved');
    // Nothing to show before the notebook is shared.
    await expect(note.getByRole('button', { name: 'History' })).toHaveCount(0);

    // A mistyped address is refused in words, beside its field, and nothing is sent.
    const dialog = await fillShareDialog(a.page, 'github.com/team/notebook', 'Ana');
    await dialog.getByRole('button', { name: 'Share' }).click();
    await expect(dialog.getByText(/is not an address: give one like https:\/\//)).toBeVisible();
    const address = dialog.getByRole('textbox', { name: 'Remote address' });
    await expect(address).toBeFocused();
    await a.page.keyboard.press('Control+A');
    await a.page.keyboard.type(remote);
    await a.page.keyboard.press('Enter');
    await expect(shareDialog(a.page)).toBeHidden();
    await expect(a.page.getByRole('status').filter({ hasText: 'Shared:' })).toHaveText(/^Shared: sent \d+ changes?, received 0\.$/);
    await expect(sharing(a.page)).toContainText('Up to date');
    await expect(syncButton(a.page)).toBeFocused();
    // The remote in a few words, whole on hover.
    await expect(sharing(a.page).getByTitle(remote)).toHaveText(remote.replace(/^http:\/\//, '').replace(/\.git$/, ''));

    await withSecondHost(webBrowser!, testInfo, async (b) => {
      // B joins with the same address and finds A's note.
      await shareThrough(b.page, remote, 'Kenji');
      await showSection(b.page, 'Notes');
      await expect(notesList(b.page)).toContainText(NOTE_TITLE);

      // A goes on writing and highlights a passage with the mouse: two changes wait to be sent.
      await note.getByRole('textbox', { name: 'Note text' }).click();
      await a.page.keyboard.press('Control+End');
      await a.page.keyboard.type(MORE_TEXT);
      await expect(note.getByRole('status')).toHaveText('Saved');
      await note.getByRole('button', { name: 'Back to reading' }).click();
      await showSection(a.page, 'Articles');
      await openArticle(a.page, 'Japan', 'Kamikawa');
      await dragSelect(a.page, PASSAGE);
      await a.page.keyboard.press('h');
      await expect(highlightCard(a.page, PASSAGE)).toBeVisible();
      await expect(sharing(a.page)).toContainText(/\d+ changes? to send/);

      await syncNow(a.page, /^Synced: sent 2 changes, received 0\.$/);
      await syncNow(b.page, /^Synced: sent 0 changes, received 2\.$/);

      // B sees both: the note's new words, and the highlight on the sample article.
      await notesList(b.page).getByRole('button', { name: new RegExp(NOTE_TITLE) }).click();
      const noteInB = notePane(b.page);
      await expect(noteInB.getByRole('textbox', { name: 'Note text' })).toHaveValue(FIRST_TEXT + MORE_TEXT);
      await noteInB.getByRole('button', { name: 'Back to reading' }).click();
      await showSection(b.page, 'Articles');
      await openArticle(b.page, 'Japan', 'Kamikawa');
      await expect(highlightCard(b.page, PASSAGE)).toBeVisible();

      // The note's History in B: two versions by Ana, the newer current; Restore brings the first back.
      await showSection(b.page, 'Notes');
      await notesList(b.page).getByRole('button', { name: new RegExp(NOTE_TITLE) }).click();
      await noteInB.getByRole('button', { name: 'History' }).click();
      const history = historyDialog(b.page);
      await expect(history).toHaveAccessibleName(`History of the note “${NOTE_TITLE}”`);
      const versions = history.getByRole('list', { name: 'Versions' }).getByRole('listitem');
      await expect(versions).toHaveCount(2);
      await expect(versions.nth(0)).toContainText('Ana');
      await expect(versions.nth(0)).toContainText('Current');
      await expect(versions.nth(0)).toContainText(MORE_TEXT.trim());
      await expect(versions.nth(0).getByRole('button', { name: /^Restore/ })).toHaveCount(0);
      await expect(versions.nth(1)).toContainText(FIRST_TEXT);
      await expect(versions.nth(1)).not.toContainText(MORE_TEXT.trim());
      await shoot(b.page, shotsDir(testInfo), 'history-note');
      await versions.nth(1).getByRole('button', { name: /^Restore the version of .+ by Ana$/ }).click();
      await expect(history).toBeHidden();
      await expect(noteInB.getByRole('textbox', { name: 'Note text' })).toHaveValue(FIRST_TEXT);
      await expect(b.page.getByRole('status').filter({ hasText: 'Restored' })).toHaveText(/^Restored the version of .+ by Ana\. Undo takes it back\.$/);

      // Ctrl+Z (outside the text field) takes the restore back.
      await noteInB.getByRole('button', { name: 'History' }).focus();
      await b.page.keyboard.press('Control+Z');
      await expect(b.page.getByRole('status').filter({ hasText: 'Undid:' })).toHaveText(/^Undid: Restore an earlier version of a note/);
      await expect(noteInB.getByRole('textbox', { name: 'Note text' })).toHaveValue(FIRST_TEXT + MORE_TEXT);
    });
  } finally {
    await remotes?.close();
  }
});

/** Where screenshots go: SYNC_SHOTS_DIR to look at them, else the test's output folder. */
function shotsDir(testInfo: TestInfo): string {
  const dir = process.env.SYNC_SHOTS_DIR ?? testInfo.outputPath('screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A screenshot of the window (or of `part`) in the light and the dark theme. */
async function shoot(page: Page, dir: string, name: string, part?: Locator): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await (part ?? page).screenshot({ path: `${dir}/${name}-${scheme}.png`, animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: null });
}

const TOKEN = 'glpat-right-token';

test('a refused token, a sync under way, offline and an expired token are said in words; a new token syncs; a highlight’s History (screenshots)', async ({ app }, testInfo) => {
  test.setTimeout(240_000);
  const { page } = app;
  const shots = shotsDir(testInfo);
  const pane = libraryPane(page);
  let remotes: GitHttpServer | undefined;
  let release: () => void = () => {};
  try {
    remotes = await startGitHttpServer({ username: 'ana', token: TOKEN });
    // A long address: the pane shows its start, the whole on hover.
    const remote = await remotes.createBare('alliance-command-structures-reading-group-notebook-2026.git');

    await expect(pane.getByRole('button', { name: 'Share through git…' })).toBeVisible();
    await pane.getByRole('button', { name: 'Share through git…' }).click();
    const dialog = shareDialog(page);
    await expect(dialog.getByRole('textbox', { name: 'Remote address' })).toBeFocused();
    await shoot(page, shots, 'share-empty');

    // A wrong token: the remote's refusal shows by the button, and the dialog keeps what was typed.
    await page.keyboard.type(remote);
    await dialog.getByRole('textbox', { name: 'User name' }).click();
    await page.keyboard.type('ana');
    await dialog.getByLabel('Token').click();
    await page.keyboard.type('glpat-wrong-token');
    await dialog.getByRole('textbox', { name: 'Your name' }).click();
    await page.keyboard.type('Ana Ito');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('alert')).toHaveText(/refused the user name or token \(HTTP 401\)/);
    await expect(dialog.getByRole('textbox', { name: 'Remote address' })).toHaveValue(remote);
    await shoot(page, shots, 'share-error');

    await dialog.getByLabel('Token').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(TOKEN);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(sharing(page)).toContainText('Up to date');
    await expect(sharing(page).getByTitle(remote)).toBeVisible();
    await shoot(page, shots, 'sync-up-to-date', pane);
    await shoot(page, shots, 'sync-window');
    // The collapsed pane keeps the control, as one button.
    await pane.getByRole('button', { name: 'Hide library' }).click();
    await expect(pane.getByRole('button', { name: 'Sync (Up to date)' })).toBeVisible();
    await shoot(page, shots, 'sync-rail', pane);
    await pane.getByRole('button', { name: 'Show library' }).click();

    // A highlight waits to be sent.
    await openArticle(page, 'Japan', 'Kamikawa');
    await dragSelect(page, PASSAGE);
    await page.keyboard.press('h');
    const card = highlightCard(page, PASSAGE);
    await expect(card).toBeVisible();
    await expect(sharing(page)).toContainText('1 change to send');
    await shoot(page, shots, 'sync-changes-to-send', pane);

    // While the push is held at the remote, the control says it is syncing.
    const held = new Promise<void>((resolve) => (release = resolve));
    remotes.beforeNextPush(() => held);
    await syncButton(page).click();
    await expect(sharing(page)).toContainText('Syncing…');
    await shoot(page, shots, 'sync-syncing', pane);
    release();
    await expect(page.getByRole('status').filter({ hasText: 'Synced:' })).toHaveText('Synced: sent 1 change, received 0.');
    await expect(sharing(page)).toContainText('Up to date');

    // Offline: the sync waits, says why, and the change is still to send.
    await card.getByRole('button', { name: 'Add comment' }).click();
    await page.keyboard.type('The first joint command since 1960.');
    await page.keyboard.press('Control+Enter');
    await expect(sharing(page)).toContainText('1 change to send');
    remotes.offline();
    await syncButton(page).click();
    await expect(sharing(page)).toContainText('Offline');
    await expect(page.getByRole('status').filter({ hasText: 'Offline:' })).toHaveText(/^Offline: could not reach 127\.0\.0\.1:\d+\. Your changes are kept here/);
    // The control keeps the reason, folded: the state opens it.
    const state = sharing(page).getByRole('button', { name: 'Offline' });
    await expect(state).toHaveAttribute('aria-expanded', 'false');
    await state.click();
    await expect(sharing(page)).toContainText(/Offline: could not reach 127\.0\.0\.1:\d+\. Your changes are kept here/);
    await shoot(page, shots, 'sync-offline', pane);
    await state.click();
    await expect(sharing(page)).not.toContainText('could not reach');
    remotes.online();

    // The kept token expired: the sync fails in words, and a new token is entered from the control.
    expect((await app.api('setSyncCredentials', { username: 'ana', token: 'glpat-expired' })).ok).toBe(true);
    await syncButton(page).click();
    await expect(sharing(page)).toContainText('Sync failed');
    await expect(page.getByRole('status').filter({ hasText: 'refused' })).toHaveText(/refused the user name or token \(HTTP 401\)/);
    await page.getByRole('button', { name: 'Dismiss message' }).click();
    await shoot(page, shots, 'sync-failed', pane);
    await sharing(page).getByRole('button', { name: 'Sync failed' }).click();
    await expect(sharing(page)).toContainText(/refused the user name or token \(HTTP 401\)/);
    await shoot(page, shots, 'sync-failed-reason', pane);
    await sharing(page).getByRole('button', { name: 'Enter a new token…' }).click();
    const tokenDialog = page.getByRole('dialog', { name: 'New token for the remote' });
    await expect(tokenDialog.getByRole('textbox', { name: 'User name' })).toBeFocused();
    await page.keyboard.type('ana');
    await tokenDialog.getByLabel('Token').click();
    await page.keyboard.type(TOKEN);
    await shoot(page, shots, 'sync-new-token');
    await page.keyboard.press('Enter');
    await expect(tokenDialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Synced:' })).toHaveText('Synced: sent 1 change, received 0.');
    await expect(sharing(page)).toContainText('Up to date');

    // The highlight's History: the version with the comment (current), and the one before it.
    await card.getByRole('button', { name: 'History' }).click();
    const history = historyDialog(page);
    await expect(history).toHaveAccessibleName(`History of the highlight “${PASSAGE}”`);
    const versions = history.getByRole('list', { name: 'Versions' }).getByRole('listitem');
    await expect(versions).toHaveCount(2);
    await expect(versions.nth(0)).toContainText('The first joint command since 1960.');
    await expect(versions.nth(0)).toContainText('Current');
    await expect(versions.nth(1).getByRole('button', { name: /^Restore the version of .+ by Ana Ito$/ })).toBeVisible();
    await shoot(page, shots, 'history');
    await page.keyboard.press('Escape');
    await expect(history).toBeHidden();
    await expect(card.getByRole('button', { name: 'History' })).toBeFocused();
  } finally {
    release();
    await remotes?.close();
  }
});
