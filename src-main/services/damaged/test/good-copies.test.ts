/**
 * A note or an article whose file is damaged while the notebook is closed comes back with
 * "Restore from backup" from the newest good copy there is: the undo history (which keeps each
 * step's records whole), or a shared notebook's last commit. The list says where it came from,
 * the restore is one undo step, and it survives a restart. A file found damaged while the
 * notebook is open gets its good copy then, not at the next open.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NotebookChange } from '../../../common/change-feed';
import { valueOf } from '../../../test-support/in-process-api';
import { gitServerForTests, member, type Member } from '../../sync/test-support/sync-support';

const git = gitServerForTests();

const TEXT = 'Trust grows from shared work. Records outlast the people who kept them.';

/** Closes `who`, cuts the file at `path` short (and runs `alsoLost`), and opens the notebook again. */
async function damageWhileClosed(who: Member, path: string, alsoLost?: () => Promise<void>): Promise<Member> {
  await who.notebook.close();
  const file = join(who.dir, path);
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.slice(0, text.length / 3));
  await alsoLost?.();
  const again = await member(who.name, who.dir);
  await again.notebook.caughtUp();
  return again;
}

const onlyEntry = async (who: Member) => {
  const { damagedFiles } = await valueOf(who.api.getNotebookStatus({}));
  expect(damagedFiles).toHaveLength(1);
  return damagedFiles[0]!;
};

describe('Restore from backup of a note or an article', () => {
  it('brings a note back from the undo history, as last edited', async () => {
    let ada = await member('Ada');
    const note = await valueOf(ada.api.createNote({ title: 'Why', body: 'Because.' }));
    await valueOf(ada.api.updateNote({ id: note.id, body: 'Because of the treaty.' }));
    ada = await damageWhileClosed(ada, `notes/${note.id}.json`);
    const entry = await onlyEntry(ada);
    expect(entry).toMatchObject({ backupFrom: 'the undo history', backupAt: expect.stringMatching(/^\d{4}-/) });
    expect(await valueOf(ada.api.restoreDamagedFile({ id: entry.id }))).toEqual({ label: 'Restore “Why” from backup' });
    expect((await valueOf(ada.api.getNote({ id: note.id }))).body).toBe('Because of the treaty.');
    ada = await ada.reopen();
    expect((await valueOf(ada.api.getNote({ id: note.id }))).body).toBe('Because of the treaty.');
    expect((await valueOf(ada.api.getNotebookStatus({}))).damagedFiles).toEqual([]);
    await ada.notebook.close();
  });

  it('brings an edited article back from the undo history, with the highlights made since', async () => {
    let ada = await member('Ada');
    const article = await valueOf(ada.api.importArticle({ format: 'text', content: 'A first draft.', title: 'Trust' }));
    // An import is no undo step; an edit of the text is, and keeps the article whole.
    await valueOf(ada.api.updateArticle({ id: article.id, content: TEXT }));
    const { text } = await valueOf(ada.api.getArticle({ id: article.id }));
    const start = text.indexOf('shared work');
    const target = { quote: { exact: 'shared work', prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + 11, start + 43) }, position: { start, end: start + 11 } };
    const highlight = await valueOf(ada.api.createAnnotation({ articleId: article.id, target, comment: 'Key' }));
    ada = await damageWhileClosed(ada, `articles/${article.id}.json`);
    const entry = await onlyEntry(ada);
    expect(entry.record).toMatchObject({ kind: 'article', id: article.id });
    expect(entry.backupFrom).toMatch(/^the undo history/);
    await valueOf(ada.api.restoreDamagedFile({ id: entry.id }));
    expect((await valueOf(ada.api.getArticle({ id: article.id }))).text).toBe(text);
    expect((await valueOf(ada.api.listAnnotations({ articleId: article.id }))).map((a) => a.id)).toEqual([highlight.id]);
    await ada.notebook.close();
  });

  it('in a shared notebook whose undo history was lost too, brings the note back from the last commit', async () => {
    const remote = await git.remote('good-copy');
    let ada = await member('Ada');
    const note = await valueOf(ada.api.createNote({ title: 'Why', body: 'Because of the treaty.' }));
    await valueOf(ada.api.shareNotebook({ remote, authorName: 'Ada' }));
    ada = await damageWhileClosed(ada, `notes/${note.id}.json`, () => rm(join(ada.dir, 'history.log'), { force: true }));
    const entry = await onlyEntry(ada);
    expect(entry.backupFrom).toMatch(/^the shared notebook’s last commit [0-9a-f]{7}$/);
    await valueOf(ada.api.restoreDamagedFile({ id: entry.id }));
    expect((await valueOf(ada.api.getNote({ id: note.id }))).body).toBe('Because of the treaty.');
    await ada.notebook.close();
  });

  it('in a shared notebook, prefers the undo history when the note was edited after the last commit', async () => {
    const remote = await git.remote('good-copy');
    let ada = await member('Ada');
    const note = await valueOf(ada.api.createNote({ title: 'Why', body: 'Because.' }));
    await valueOf(ada.api.shareNotebook({ remote, authorName: 'Ada' }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await valueOf(ada.api.updateNote({ id: note.id, body: 'Because of the treaty, edited since.' }));
    ada = await damageWhileClosed(ada, `notes/${note.id}.json`);
    const entry = await onlyEntry(ada);
    expect(entry.backupFrom).toMatch(/^the undo history/);
    await valueOf(ada.api.restoreDamagedFile({ id: entry.id }));
    expect((await valueOf(ada.api.getNote({ id: note.id }))).body).toBe('Because of the treaty, edited since.');
    await ada.notebook.close();
  });

  it('finds the good copy of a note damaged while the notebook is open, read after the store let it go, at once; every window hears it', async () => {
    // With its search index saved, a notebook opened again holds no note in memory: the next read is from the file.
    let ada = await member('Ada', undefined, { persistSearch: true });
    const note = await valueOf(ada.api.createNote({ title: 'Why', body: 'Because of the treaty.' }));
    ada = await ada.reopen();
    await ada.notebook.caughtUp();
    const heard: NotebookChange[] = [];
    ada.notebook.feed.subscribe((change) => heard.push(change));
    const file = join(ada.dir, `notes/${note.id}.json`);
    await writeFile(file, (await readFile(file, 'utf8')).slice(0, 40));
    await expect(valueOf(ada.api.getNote({ id: note.id }))).rejects.toThrow(/could not be read/);
    await expect.poll(() => heard.find((change) => change.damagedFiles?.[0]?.backup)?.damagedFiles?.[0]).toMatchObject({ backupFrom: 'the undo history', record: { id: note.id } });
    expect(heard.flatMap((change) => change.notes)).toContainEqual({ id: note.id, meta: null });
    const entry = await onlyEntry(ada);
    await valueOf(ada.api.restoreDamagedFile({ id: entry.id }));
    expect((await valueOf(ada.api.getNote({ id: note.id }))).body).toBe('Because of the treaty.');
    await ada.notebook.close();
  });
});
