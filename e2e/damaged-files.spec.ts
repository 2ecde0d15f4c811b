/**
 * A damaged file, as a person meets it: a claim's file is damaged while Marginalia is closed
 * (a disk error, a sync service cut short). On the next start the window says a file was set
 * aside, the Damaged files dialog lists it with Restore from backup, the claim comes back, and
 * stays after another restart.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { dragSelect } from './support/highlights-ui';
import { libraryPane, openArticle } from './support/library-ui';
import { claimCardInMargin, claimsView, notePane, notesList, showSection } from './support/research-ui';

const CLAIM = 'has no commanding authority';

test('a claim whose file was damaged while closed is listed, restored from backup, and kept', async ({ app }) => {
  test.setTimeout(90_000);
  let { page } = app;
  await openArticle(page, 'Japan', 'Kamikawa');
  await dragSelect(page, CLAIM);
  await page.keyboard.press('c');
  await expect(claimCardInMargin(page, CLAIM)).toBeVisible();

  await app.restart(async () => {
    const claims = join(app.notebookDir, 'claims');
    const [file] = await readdir(claims);
    const text = await readFile(join(claims, file!), 'utf8');
    await writeFile(join(claims, file!), text.slice(0, text.length / 2));
  });
  ({ page } = app);
  const notice = page.getByRole('alert', { name: 'Damaged files' });
  await expect(notice).toContainText(`A file of your notebook could not be read and was set aside: the claim “${CLAIM}”. It can be restored from a backup.`);
  await libraryPane(page).getByRole('button', { name: 'Claims' }).click();
  await expect(claimsView(page).getByRole('article', { name: CLAIM })).toHaveCount(0);

  await notice.getByRole('button', { name: 'Show damaged files' }).click();
  const dialog = page.getByRole('dialog', { name: 'Damaged files' });
  const entry = dialog.getByRole('listitem', { name: `The claim “${CLAIM}”` });
  await expect(entry).toContainText('Could not be read: it breaks off part way — it was cut short while being written');
  await expect(entry.getByRole('definition').last()).toHaveText(/^backups\/quarantine\/.*\.last-saved\.json$/);
  await entry.getByRole('button', { name: 'Restore from backup' }).click();
  await expect(page.getByRole('status').first()).toContainText(`Restored “${CLAIM}” from backup. Undo takes it back.`);
  await expect(dialog.getByText('No file is set aside now.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(notice).toHaveCount(0);
  await expect(claimsView(page).getByRole('article', { name: CLAIM })).toBeVisible();

  await app.restart();
  ({ page } = app);
  await libraryPane(page).getByRole('button', { name: 'Claims' }).click();
  await expect(claimsView(page).getByRole('article', { name: CLAIM })).toBeVisible();
  await expect(page.getByRole('alert', { name: 'Damaged files' })).toHaveCount(0);
});

test('a note whose file was damaged while closed comes back from the undo history, and is kept', async ({ app }) => {
  test.setTimeout(90_000);
  let { page } = app;
  await openArticle(page, 'Japan', 'Kamikawa');
  await dragSelect(page, 'U.S. Forces Japan');
  await page.keyboard.press('n');
  const note = notePane(page);
  await note.getByRole('textbox', { name: 'Note text' }).click();
  await page.keyboard.type('Orders still come from INDOPACOM.');
  await expect(note.getByRole('status')).toHaveText('Saved');

  await app.restart(async () => {
    const notes = join(app.notebookDir, 'notes');
    const [file] = await readdir(notes);
    await writeFile(join(notes, file!), Buffer.alloc(200));
  });
  ({ page } = app);
  const notice = page.getByRole('alert', { name: 'Damaged files' });
  await expect(notice).toContainText('A file of your notebook could not be read and was set aside: the note “On “U.S. Forces Japan””. It can be restored from a backup.');
  await notice.getByRole('button', { name: 'Show damaged files' }).click();
  const dialog = page.getByRole('dialog', { name: 'Damaged files' });
  const entry = dialog.getByRole('listitem', { name: 'The note “On “U.S. Forces Japan””' });
  await expect(entry.getByRole('definition').last()).toHaveText(/^the undo history, as saved /);
  await entry.getByRole('button', { name: 'Restore from backup' }).click();
  await expect(dialog.getByText('No file is set aside now.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  await app.restart();
  ({ page } = app);
  await expect(page.getByRole('alert', { name: 'Damaged files' })).toHaveCount(0);
  await showSection(page, 'Notes');
  await notesList(page).getByRole('button', { name: /U\.S\. Forces Japan/ }).click();
  await expect(notePane(page).getByRole('textbox', { name: 'Note text' })).toHaveValue('Orders still come from INDOPACOM.');
});
