/**
 * A notebook on a read-only disk, as a person meets it: the folder is mounted read-only while
 * Marginalia is closed (a mounted image, a locked card, a share). On the next start the window
 * says so in words; the articles, highlights and claims can be read and searched; a change is
 * refused with the same words and nothing is written; once the folder may be written again,
 * the notice is gone and changes are saved.
 *
 * The folder is made read-only with a read-only bind mount, which needs the right to mount (root
 * in a container with it): where there is none, the test is skipped with that reason. The same
 * behaviour is checked everywhere, with the failures injected, by
 * src-main/services/test/read-only-folder.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures';
import { dragSelect, highlightCard, marks } from './support/highlights-ui';
import { openArticle } from './support/library-ui';

const PHRASE = 'has no commanding authority';
const WORDS = /This notebook’s folder is read-only: it is on a disk that is read-only, so you can read, search and export it, but changes cannot be saved\. To work in it, copy the folder somewhere you can write/;

/** Mounts `dir` over itself read-only; the reason it cannot, or undefined when it did. */
function mountReadOnly(dir: string): string | undefined {
  try {
    execFileSync('mount', ['--bind', dir, dir], { stdio: 'pipe' });
  } catch (error) {
    return `cannot mount here (${String((error as { stderr?: Buffer }).stderr ?? error).trim()})`;
  }
  try {
    execFileSync('mount', ['-o', 'remount,bind,ro', dir], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    execFileSync('umount', [dir]);
    return `cannot remount read-only here (${String((error as { stderr?: Buffer }).stderr ?? error).trim()})`;
  }
}

test('a notebook on a read-only disk opens read-only: readable, searchable, every change refused in words', async ({ app, target }) => {
  test.skip(target !== 'web', 'the folder is mounted by this process; the desktop target runs elsewhere');
  test.setTimeout(90_000);
  let { page } = app;
  await openArticle(page, 'Japan', 'Kamikawa');
  await dragSelect(page, PHRASE);
  await page.keyboard.press('h');
  await expect(highlightCard(page, PHRASE)).toBeVisible();

  let cannot: string | undefined;
  await app.restart(async () => {
    cannot = mountReadOnly(app.notebookDir);
  });
  test.skip(cannot !== undefined, `A read-only folder needs a read-only mount: ${cannot}`);
  try {
    ({ page } = app);
    const notice = page.getByRole('alert', { name: 'Read-only notebook' });
    await expect(notice).toContainText(WORDS);
    await expect(notice).toContainText(app.notebookDir);

    // Reading: the article and its highlight, and search.
    await openArticle(page, 'Japan', 'Kamikawa');
    await expect(highlightCard(page, PHRASE)).toBeVisible();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+K');
    const search = page.getByRole('dialog', { name: 'Search' });
    await search.getByRole('searchbox', { name: 'Search the notebook' }).fill('entire international community');
    await expect(search.getByRole('group', { name: 'Articles' }).getByRole('option').first()).toContainText('Japan');
    await page.keyboard.press('Escape');
    await expect(search).toBeHidden();

    // Writing: a new highlight is refused in the same words, and nothing appears.
    await dragSelect(page, 'entire international community');
    await page.keyboard.press('h');
    await expect(page.getByRole('status').first()).toContainText(WORDS);
    await expect(marks(page)).toHaveText([PHRASE]);
  } finally {
    // Writable again before the restart, so the server's close and the fixture's cleanup may write.
    if (cannot === undefined) await app.restart(async () => void execFileSync('umount', [app.notebookDir]));
  }
  ({ page } = app);
  await expect(page.getByRole('alert', { name: 'Read-only notebook' })).toHaveCount(0);
  await openArticle(page, 'Japan', 'Kamikawa');
  await dragSelect(page, 'entire international community');
  await page.keyboard.press('h');
  await expect(marks(page)).toHaveCount(2);
});
