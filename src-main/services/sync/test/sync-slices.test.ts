/**
 * A sync that receives many records takes them in a slice at a time, each its own step of the
 * write queue: a window's write made while the sync runs is answered between two slices, not
 * after the whole merge, and the merge ends as one merge of everything would — every record
 * merged, every losing edit in its record's conflict history, both sides holding the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotebookChange } from '../../../common/change-feed';
import { valueOf } from '../../../test-support/in-process-api';
import { startGitHttpServer, type GitHttpServer } from '../../../test-support/git-http-server';
import { holdings, member } from '../test-support/sync-support';

/**
 * Slices of a few records (the app's are about 100: run-sync.ts), so a small notebook makes
 * several: what is proven does not depend on the size.
 */
const SLICE = 4;
const NOTES = 11;
const sliced = { syncMergeSlice: SLICE };

let server: GitHttpServer;
beforeAll(async () => {
  server = await startGitHttpServer();
});
afterAll(async () => {
  await server.close();
});

describe('a sync that receives many records', () => {
  it('answers a window’s write between its slices, and merges as one merge of everything would', async () => {
    const remote = await server.createBare('slices');
    const ada = await member('Ada', undefined, sliced);
    const notes: string[] = [];
    for (let i = 0; i < NOTES; i++) notes.push((await valueOf(ada.api.createNote({ title: `Note ${i}`, body: 'From Ada.' }))).id);
    await valueOf(ada.api.shareNotebook({ remote, authorName: 'Ada' }));

    // Ben joins: the whole notebook comes in. At the first slice merged, the window writes.
    const ben = await member('Ben', undefined, sliced);
    const own = await valueOf(ben.api.createNote({ title: 'Ben’s own', body: 'Before.' }));
    // A slice merged is a change undo does not offer (no label) that brings Ada's notes.
    const merging = (change: NotebookChange) => change.label === '' && change.notes.some((note) => note.id !== own.id);
    const heard: NotebookChange[] = [];
    let written: Promise<unknown> | undefined;
    const stop = ben.notebook.feed.subscribe((change) => {
      heard.push(change);
      if (merging(change) && !written) written = valueOf(ben.api.updateNote({ id: own.id, body: 'Written during the sync.' }));
    });
    const joined = await valueOf(ben.api.shareNotebook({ remote, authorName: 'Ben' }));
    stop();
    expect(joined.received).toBe(NOTES);
    await written;
    const write = heard.findIndex((change) => change.label === 'Edit note');
    // Merged records were heard of before the write and after it: it did not wait for the whole merge.
    expect(write).toBeGreaterThan(0);
    expect(heard.slice(write + 1).some(merging)).toBe(true);
    expect(heard.filter(merging).length).toBeGreaterThanOrEqual(Math.ceil(NOTES / SLICE));

    // Both edit every note; Ben's sync merges them all, each a conflict, in slices.
    for (const id of notes) await valueOf(ada.api.updateNote({ id, body: `Ada’s edit of ${id}.` }));
    for (const id of notes) await valueOf(ben.api.updateNote({ id, body: `Ben’s edit of ${id}.` }));
    await valueOf(ada.api.syncNotebook({}));
    const merged = await valueOf(ben.api.syncNotebook({}));
    expect(merged.conflicts).toBe(NOTES);
    await valueOf(ada.api.syncNotebook({}));
    expect(await holdings(ben)).toEqual(await holdings(ada));
    for (const id of notes) {
      const note = await valueOf(ada.api.getNote({ id }));
      expect([note.body, ...(note.conflicts ?? []).map((version) => version.body)].sort()).toEqual([`Ada’s edit of ${id}.`, `Ben’s edit of ${id}.`]);
    }
    expect((await valueOf(ada.api.getNote({ id: own.id }))).body).toBe('Written during the sync.');
    await ada.notebook.close();
    await ben.notebook.close();
  }, 300_000);

  it('merges the same on this thread (the in-process channel a host without threads uses)', async () => {
    const remote = await server.createBare('in-process');
    const options = { ...sliced, syncThread: 'in-process' as const };
    const ada = await member('Ada', undefined, options);
    for (let i = 0; i < SLICE + 1; i++) await valueOf(ada.api.createNote({ title: `Note ${i}`, body: 'From Ada.' }));
    await valueOf(ada.api.shareNotebook({ remote, authorName: 'Ada' }));
    const ben = await member('Ben', undefined, options);
    expect((await valueOf(ben.api.shareNotebook({ remote, authorName: 'Ben' }))).received).toBe(SLICE + 1);
    expect(await holdings(ben)).toEqual(await holdings(ada));
    await ada.notebook.close();
    await ben.notebook.close();
  });
});
