/**
 * While the notebook is open, record files change from outside — a colleague's edit arriving
 * through Dropbox, a note added or a claim deleted on their machine. Each reaches the notebook
 * through the one write path: what the services answer, the search index and the windows' change
 * feed all follow. A file caught half-written is skipped until it is whole, never set aside.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NotebookChange } from '../../../common/change-feed';
import { valueOf } from '../../../test-support/in-process-api';
import { tempDir } from '../../../test-support/temp-dir';
import { ARTICLE_TEXT, targetOf } from '../../exchange/test-support/exchange-support';
import { openAt, readJson, waitFor, writeAsSyncService, type Opened } from '../test-support/synced-folder-support';

/** The note file as a colleague's Marginalia would write it after editing it: a new revision, a later time. */
async function colleaguesEdit(opened: Opened, noteId: string, edit: { title?: string; body?: string }): Promise<string> {
  const file = await readJson(join(opened.dir, 'notes', `${noteId}.json`));
  const record = file.record as { rev: string; revs?: string[] };
  const edited = { ...record, ...edit, updatedAt: '2026-12-02T10:00:00.000Z', rev: 'mip00000a-colleague1', revs: [record.rev, ...(record.revs ?? [])].slice(0, 10) };
  return `${JSON.stringify({ ...file, record: edited }, null, 2)}\n`;
}

async function openWithNote(): Promise<{ opened: Opened; noteId: string }> {
  const opened = await openAt(await tempDir('outside'), '2026-12-01T09:00:00Z');
  const note = await valueOf(opened.api.createNote({ title: 'Field notes', body: 'Seagrass meadows store carbon.' }));
  return { opened, noteId: note.id };
}

describe('record files changed from outside while the notebook is open', () => {
  it('takes in a colleague’s edit of a note: the note, the list, search and the windows all show it', async () => {
    const { opened, noteId } = await openWithNote();
    const heard: NotebookChange[] = [];
    opened.notebook.feed.subscribe((change) => heard.push(change));

    const text = await colleaguesEdit(opened, noteId, { title: 'Kelp notes', body: 'Kelp forests store carbon too.' });
    await writeAsSyncService(join(opened.dir, 'notes', `${noteId}.json`), text);

    // The change is announced once it is saved: by then every reader agrees.
    await waitFor(() => expect(heard.flatMap((change) => change.notes.map((note) => note.meta?.title))).toEqual(['Kelp notes']));
    expect((await valueOf(opened.api.getNote({ id: noteId }))).body).toBe('Kelp forests store carbon too.');
    expect((await valueOf(opened.api.listNotes({}))).map((meta) => meta.title)).toEqual(['Kelp notes']);
    await opened.notebook.searchIdle();
    const found = await valueOf(opened.api.search({ query: 'kelp' }));
    expect(found.results.map((result) => result.id)).toContain(noteId);
    // Not an undo step: undo must not take back a colleague's work.
    expect((await valueOf(opened.api.getHistory({}))).undo?.label).toMatch(/note/i);
    await opened.notebook.close();
  });

  it('skips a file caught half-written, and takes it in once it is whole, setting nothing aside', async () => {
    const { opened, noteId } = await openWithNote();
    const marker = await valueOf(opened.api.createNote({ title: 'Marker', body: 'Marker.' }));
    const path = join(opened.dir, 'notes', `${noteId}.json`);
    const text = await colleaguesEdit(opened, noteId, { body: 'Written in two steps.' });
    // Written in place, in two steps, as a plain copy over a share does: first half of it.
    await writeFile(path, text.slice(0, text.length / 2));
    // Events are handled in order: once an outside edit made after it is in, the half file has been seen.
    await writeAsSyncService(join(opened.dir, 'notes', `${marker.id}.json`), await colleaguesEdit(opened, marker.id, { body: 'Seen.' }));
    await waitFor(async () => expect((await valueOf(opened.api.getNote({ id: marker.id }))).body).toBe('Seen.'));
    expect((await valueOf(opened.api.getNote({ id: noteId }))).body).toBe('Seagrass meadows store carbon.');
    expect(opened.notebook.status().quarantined).toEqual([]);

    await writeFile(path, text);
    await waitFor(async () => expect((await valueOf(opened.api.getNote({ id: noteId }))).body).toBe('Written in two steps.'));
    expect(opened.notebook.status().quarantined).toEqual([]);
    await opened.notebook.close();
  });

  it('adds a note that appears, and drops a claim whose file is removed', async () => {
    const opened = await openAt(await tempDir('outside'), '2026-12-01T09:00:00Z');
    const article = await valueOf(opened.api.importArticle({ format: 'text', content: ARTICLE_TEXT, title: 'On alliances' }));
    const highlight = await valueOf(opened.api.createAnnotation({ articleId: article.id, target: await targetOf(opened.api, article.id, 'Trust grows') }));
    const claim = await valueOf(opened.api.createClaim({ annotationId: highlight.id, statement: 'Trust comes from work' }));
    const note = await valueOf(opened.api.createNote({ title: 'A template', body: 'Copied.' }));
    const copied = await readJson(join(opened.dir, 'notes', `${note.id}.json`));
    const newId = 'note_fromcolleague01';
    const record = { ...(copied.record as object), id: newId, title: 'Ben’s note', rev: 'mip00000a-benben01', revs: [] };

    await writeAsSyncService(join(opened.dir, 'notes', `${newId}.json`), JSON.stringify({ ...copied, record }));
    await rm(join(opened.dir, 'claims', `${claim.id}.json`));

    const heard: NotebookChange[] = [];
    opened.notebook.feed.subscribe((change) => heard.push(change));
    await waitFor(() => {
      expect(heard.flatMap((change) => change.notes.map((n) => n.meta?.title))).toEqual(['Ben’s note']);
      expect(heard.flatMap((change) => change.claims.map((c) => c.claim))).toEqual([null]);
    });
    expect((await valueOf(opened.api.listNotes({}))).map((meta) => meta.title).sort()).toEqual(['A template', 'Ben’s note']);
    expect(await valueOf(opened.api.listClaims({}))).toEqual([]);
    expect((await valueOf(opened.api.getNote({ id: newId }))).body).toBe('Copied.');
    await opened.notebook.close();
  });

  it('takes in a colleague’s new highlight on an article this session never opened', async () => {
    const dir = await tempDir('outside');
    const first = await openAt(dir, '2026-12-01T09:00:00Z');
    const article = await valueOf(first.api.importArticle({ format: 'text', content: ARTICLE_TEXT, title: 'On alliances' }));
    const highlight = await valueOf(first.api.createAnnotation({ articleId: article.id, target: await targetOf(first.api, article.id, 'Trust grows'), comment: 'Mine' }));
    await first.notebook.close();

    // Opened again, the article is not in memory: the store would read the new file as if it always held it.
    const opened = await openAt(dir, '2026-12-01T10:00:00Z');
    const path = join(dir, 'articles', `${article.id}.json`);
    const file = await readJson(path);
    const [mine] = file.annotations as { id: string; target: unknown }[];
    const theirs = { ...mine, id: 'ann_fromcolleague01', comment: 'Theirs: a plan needs people', rev: 'mip00000a-benben02', revs: [] };
    await writeAsSyncService(path, JSON.stringify({ ...file, annotations: [...(file.annotations as object[]), theirs] }));

    const heard: NotebookChange[] = [];
    opened.notebook.feed.subscribe((change) => heard.push(change));
    await waitFor(() => expect(heard.flatMap((change) => change.articles.map((a) => a.listing?.annotationCount))).toEqual([2]));
    expect((await valueOf(opened.api.listArticles({})))[0]?.annotationCount).toBe(2);
    expect((await valueOf(opened.api.listAnnotations({ articleId: article.id }))).map((a) => a.comment).sort()).toEqual(['Mine', 'Theirs: a plan needs people']);
    await opened.notebook.searchIdle();
    const found = await valueOf(opened.api.search({ query: 'theirs' }));
    expect(found.results.map((result) => result.id)).toContain('ann_fromcolleague01');
    expect(highlight.id).not.toBe('ann_fromcolleague01');
    await opened.notebook.close();
  });

  it('leaves its own writes alone: each edit is one change on the feed, however the watcher sees it', async () => {
    const { opened, noteId } = await openWithNote();
    const heard: NotebookChange[] = [];
    opened.notebook.feed.subscribe((change) => heard.push(change));
    for (const body of ['One.', 'Two.', 'Three.']) await valueOf(opened.api.updateNote({ id: noteId, body }));
    const other = await valueOf(opened.api.createNote({ title: 'Marker', body: 'Marker.' }));

    // The watcher handles events in order: once an outside edit made after ours is in, ours have been seen.
    await writeAsSyncService(join(opened.dir, 'notes', `${other.id}.json`), await colleaguesEdit(opened, other.id, { body: 'Changed outside.' }));
    await waitFor(() => expect(heard.map((change) => change.label)).toEqual(['Edit note', 'Edit note', 'Edit note', 'New note', '']));
    expect((await valueOf(opened.api.getNote({ id: other.id }))).body).toBe('Changed outside.');
    expect((await valueOf(opened.api.getNote({ id: noteId }))).body).toBe('Three.');
    await opened.notebook.close();
  });
});
