/**
 * Record files changed while the notebook was closed — a colleague's edits that Dropbox
 * delivered overnight — are taken in on open: the notebook answers with them, search finds
 * them, and the next edit builds on them instead of writing the old cached version back.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NotebookChange } from '../../../common/change-feed';
import { valueOf } from '../../../test-support/in-process-api';
import { tempDir } from '../../../test-support/temp-dir';
import { ARTICLE_TEXT, targetOf } from '../../exchange/test-support/exchange-support';
import { stampsPath } from '../file-stamps';
import { openAt, readJson, writeAsSyncService } from '../test-support/synced-folder-support';

/** A record edited as a colleague's Marginalia would: a new revision, a later time. */
function editedElsewhere<R extends { rev: string; revs?: string[] }>(record: R, edit: Partial<R>): R {
  return { ...record, ...edit, updatedAt: '2026-12-02T10:00:00.000Z', rev: `mip00000a-colleague${Math.random().toString(36).slice(2, 6)}`, revs: [record.rev, ...(record.revs ?? [])].slice(0, 10) };
}

async function notebookWithRecords(dir: string) {
  const opened = await openAt(dir, '2026-12-01T09:00:00Z');
  const article = await valueOf(opened.api.importArticle({ format: 'text', content: ARTICLE_TEXT, title: 'On alliances' }));
  const highlight = await valueOf(opened.api.createAnnotation({ articleId: article.id, target: await targetOf(opened.api, article.id, 'Trust grows'), comment: 'Mine' }));
  const claim = await valueOf(opened.api.createClaim({ annotationId: highlight.id, statement: 'Trust comes from work' }));
  const note = await valueOf(opened.api.createNote({ title: 'Field notes', body: 'Seagrass meadows store carbon.' }));
  await opened.notebook.close();
  return { articleId: article.id, highlightId: highlight.id, claimId: claim.id, noteId: note.id };
}

describe('record files changed while the notebook was closed', () => {
  it('are taken in on open: a note, a claim and a highlight edited elsewhere are what the notebook answers and finds', async () => {
    const dir = await tempDir('closed');
    const ids = await notebookWithRecords(dir);

    const notePath = join(dir, 'notes', `${ids.noteId}.json`);
    const noteFile = await readJson(notePath);
    await writeAsSyncService(notePath, JSON.stringify({ ...noteFile, record: editedElsewhere(noteFile.record as { rev: string }, { body: 'Kelp forests store carbon too.' } as never) }));
    const claimPath = join(dir, 'claims', `${ids.claimId}.json`);
    const claimFile = await readJson(claimPath);
    await writeAsSyncService(claimPath, JSON.stringify({ ...claimFile, record: editedElsewhere(claimFile.record as { rev: string }, { statement: 'Trust comes from shared work' } as never) }));
    const articlePath = join(dir, 'articles', `${ids.articleId}.json`);
    const articleFile = await readJson(articlePath);
    const annotations = (articleFile.annotations as { id: string; rev: string; comment?: string }[]).map((annotation) => editedElsewhere(annotation, { comment: 'Ben: and shared risk' }));
    await writeAsSyncService(articlePath, JSON.stringify({ ...articleFile, annotations }));

    const opened = await openAt(dir, '2026-12-02T11:00:00Z');
    const heard: NotebookChange[] = [];
    opened.notebook.feed.subscribe((change) => heard.push(change));
    await opened.notebook.caughtUp();

    expect((await valueOf(opened.api.getNote({ id: ids.noteId }))).body).toBe('Kelp forests store carbon too.');
    // Claims are served from the notebook's cache: the cache follows the file.
    expect((await valueOf(opened.api.listClaims({}))).map((claim) => claim.statement)).toEqual(['Trust comes from shared work']);
    expect((await valueOf(opened.api.listAnnotations({ articleId: ids.articleId }))).map((a) => a.comment)).toEqual(['Ben: and shared risk']);
    await opened.notebook.searchIdle();
    expect((await valueOf(opened.api.search({ query: 'kelp' }))).results.map((result) => result.id)).toContain(ids.noteId);
    expect((await valueOf(opened.api.search({ query: 'risk' }))).results.map((result) => result.id)).toContain(ids.highlightId);
    // The open window hears of each, as of any change.
    expect(heard.flatMap((change) => [...change.notes.map((n) => n.id), ...change.claims.map((c) => c.id), ...change.articles.map((a) => a.id)]).sort()).toEqual(
      [ids.noteId, ids.claimId, ids.articleId].sort(),
    );

    // The next edit builds on the colleague's version: nothing of theirs is written over.
    await valueOf(opened.api.updateNote({ id: ids.noteId, title: 'Kelp notes' }));
    await opened.notebook.close();
    const again = await openAt(dir, '2026-12-02T12:00:00Z');
    await again.notebook.caughtUp();
    expect(await valueOf(again.api.getNote({ id: ids.noteId }))).toMatchObject({ title: 'Kelp notes', body: 'Kelp forests store carbon too.' });
    expect((await valueOf(again.api.listClaims({}))).map((claim) => claim.statement)).toEqual(['Trust comes from shared work']);
    expect((await valueOf(again.api.listAnnotations({ articleId: ids.articleId }))).map((a) => a.comment)).toEqual(['Ben: and shared risk']);
    await again.notebook.close();
  });

  it('leaves unchanged files alone: nothing is read again, rewritten or announced', async () => {
    const dir = await tempDir('closed');
    const ids = await notebookWithRecords(dir);
    const times = async () => Promise.all(['articles', 'claims', 'notes'].map(async (folder) => (await stat(join(dir, folder, `${(await readdir(join(dir, folder)))[0]}`))).mtimeMs));
    const before = await times();

    const opened = await openAt(dir, '2026-12-02T11:00:00Z');
    const heard: NotebookChange[] = [];
    opened.notebook.feed.subscribe((change) => heard.push(change));
    await opened.notebook.caughtUp();
    expect(heard).toEqual([]);
    expect(await times()).toEqual(before);
    expect((await valueOf(opened.api.getNote({ id: ids.noteId }))).body).toBe('Seagrass meadows store carbon.');
    await opened.notebook.close();
  });

  it('keeps what it knows of the files under this machine’s name, and ignores another machine’s', async () => {
    const dir = await tempDir('closed');
    const ids = await notebookWithRecords(dir);
    const mine = stampsPath(dir);
    expect(mine).toContain(hostname().replace(/[^A-Za-z0-9._-]/g, '_'));
    const known = JSON.parse(await readFile(mine, 'utf8')) as { files: Record<string, { stamp: string }> };
    expect(Object.keys(known.files).sort()).toEqual([`article:${ids.articleId}`, `claim:${ids.claimId}`, `note:${ids.noteId}`].sort());

    // A colleague's stamps, carried here by the sync service, name files as their disk has them.
    const theirs = stampsPath(dir, 'bens-laptop');
    await writeFile(theirs, JSON.stringify({ version: 1, files: Object.fromEntries(Object.keys(known.files).map((key) => [key, { stamp: '1:2:3' }])) }));
    const opened = await openAt(dir, '2026-12-02T11:00:00Z');
    const heard: NotebookChange[] = [];
    opened.notebook.feed.subscribe((change) => heard.push(change));
    await opened.notebook.caughtUp();
    expect(heard).toEqual([]);
    await opened.notebook.close();
  });
});
