/**
 * The search index after the app stopped without closing (a crash, a kill, a power cut): it
 * takes in only what changed since it was last saved, newest first, so search finds the note
 * saved just before the crash at once; it keeps what a build killed part way had done; and a
 * record written twice in quick succession is never left indexed in its older version.
 *
 * A crash is stood in for by a copy of the folder taken while the notebook is open (after every
 * acknowledged write is on disk), without its lock: what a killed process leaves. The real kill
 * is in services/test/crash-kill.test.ts.
 */
import { execFile } from 'node:child_process';
import { rm, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import type { Note } from '../../../common/model';
import { inProcessApi, valueOf } from '../../../test-support/in-process-api';
import { openSampleNotebook } from '../../../test-support/sample-notebook';
import { tempDir } from '../../../test-support/temp-dir';
import { openStore, type StoreChange } from '../../../store/notebook-store';
import { openNotebook } from '../../open-notebook';
import { loadIndex } from '../index-file';
import { startEngine } from '../search-engine';
import { indexChangeOf } from '../search-protocol';

/** The folder as a process killed now would leave it. */
async function crashCopy(dir: string): Promise<string> {
  const copy = join(await tempDir('crashed'), 'notebook');
  // With their times to the nanosecond (fs.cp keeps milliseconds): a file's stamp is its modification time and size.
  await promisify(execFile)('cp', ['-a', dir, copy]);
  await rm(join(copy, 'notebook.lock'));
  return copy;
}

const savedStamps = async (dir: string) => {
  const { saved } = await loadIndex(dir);
  saved?.index.close();
  return saved?.stamps ?? new Map<string, string>();
};

describe('search after a crash', () => {
  it('finds the note saved just before the crash at once, reading only what changed since the index was saved, and saves that at once', async () => {
    const first = await openSampleNotebook();
    for (let i = 0; i < 120; i += 1) await valueOf(first.api.importArticle({ format: 'text', content: `Field report ${i} on cranes.`, title: `Report ${i}` }));
    await first.notebook.close();

    // A session that ends in a crash: the index (saved 20 s after the last change) never hears of these.
    const session = await openNotebook(first.dir);
    const api = inProcessApi(session.handlers);
    const [report] = await valueOf(api.listArticles({}));
    await valueOf(api.updateArticle({ id: report!.id, title: 'Report on storks' }));
    const note = await valueOf(api.createNote({ title: 'Before the crash', body: 'Zanzibar cloves, written last.' }));
    await session.flush();
    const crashed = await crashCopy(first.dir);
    await session.close();

    const reopened = await openNotebook(crashed);
    const again = inProcessApi(reopened.handlers);
    const found = await valueOf(again.search({ query: 'zanzibar' }));
    expect(found.results.map((r) => r.id)).toEqual([note.id]);
    expect(found.indexing).toBeNull();
    expect((await valueOf(again.search({ query: 'storks' }))).results.map((r) => r.id)).toEqual([report!.id]);
    expect(reopened.searchStats()).toEqual({ articlesRead: 1, loadedFromDisk: true });
    // Saved without waiting for a pause, so the next crash does not start from further back.
    await vi.waitFor(async () => expect((await savedStamps(crashed)).has(note.id)).toBe(true), { timeout: 10_000 });
    await reopened.close();
  });

  it('after a crash during a long build, goes on from what the build had saved', async () => {
    const { dir, api, notebook } = await openSampleNotebook();
    for (let i = 0; i < 60; i += 1) await valueOf(api.importArticle({ format: 'text', content: `Heron count ${i} at dawn.`, title: `Heron ${i}` }));
    const note = await valueOf(api.createNote({ title: 'Halfway', body: 'Indexed when the build is half done.' }));
    const articleIds = (await valueOf(api.listArticles({}))).map((a) => a.id);
    await notebook.close();
    await rm(join(dir, 'search-index'), { recursive: true });
    // Newest first: the note's file sits in the middle of the articles' (which went in a second apart).
    const base = Date.now();
    const middle = new Date(base + 30_500);
    await utimes(join(dir, 'notes', `${note.id}.json`), middle, middle);
    for (const [i, id] of articleIds.entries()) {
      const at = new Date(base + i * 1000);
      await utimes(join(dir, 'articles', `${id}.json`), at, at);
    }

    // The build stops at the note, as if the app were killed there; it saves after each record.
    let release!: (note: Note | null) => void;
    const stuck = new Promise<Note | null>((resolve) => (release = resolve));
    const records = { articleIds, claimIds: [], noteIds: [note.id] };
    const killed = startEngine({ dir, readNote: () => stuck }, records, { persist: true, saveDelayMs: 3_600_000, checkpointMs: 0 });
    // Every article newer than the note is indexed and saved; then the build can go no further.
    const newer = articleIds.filter((_, i) => i * 1000 > 30_500).length;
    await vi.waitFor(async () => expect((await savedStamps(dir)).size).toBe(newer), { timeout: 20_000 });

    const next = startEngine({ dir, readNote: async () => null }, records, { persist: true, saveDelayMs: 3_600_000 });
    await next.idle();
    expect(next.stats()).toEqual({ articlesRead: articleIds.length - newer, loadedFromDisk: true });
    expect((await next.search({ query: 'heron 59' })).results.map((r) => r.title)).toContain('Heron 59');
    await next.close();
    release(null);
    await killed.close();
  });

  it('never keeps a record in an older version under the stamp of a newer one, whatever the moment it stops', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const heard: StoreChange[] = [];
    store.onChange((change) => heard.push(change));
    const now = new Date().toISOString();
    const note: Note = { id: 'note_twice0001', title: 'Twice', body: 'First wording: pelicans.', tags: [], links: [], createdAt: now, updatedAt: now };
    await store.saveNote(note);
    await store.saveNote({ ...note, body: 'Second wording: flamingos.' });
    await store.close();

    // The index hears of the first write only after the second is on disk, and is saved then.
    const records = { articleIds: [], claimIds: [], noteIds: [note.id] };
    const late = startEngine({ dir, readNote: async () => null }, records, { persist: true, saveDelayMs: 3_600_000 });
    late.change(indexChangeOf(heard[0]!));
    await late.close();

    const reopenedStore = await openStore(dir);
    const next = startEngine({ dir, readNote: (id) => reopenedStore.readNote(id) }, records, { persist: true, saveDelayMs: 3_600_000 });
    expect((await next.search({ query: 'flamingos' })).results.map((r) => r.id)).toEqual([note.id]);
    expect((await next.search({ query: 'pelicans' })).results).toEqual([]);
    await next.close();
    await reopenedStore.close();
  });

  it('is saved while the notebook is never idle long enough for the usual pause', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const heard: StoreChange[] = [];
    store.onChange((change) => heard.push(change));
    const now = new Date().toISOString();
    const note: Note = { id: 'note_busy00001', title: 'Busy', body: 'Typed without a pause.', tags: [], links: [], createdAt: now, updatedAt: now };
    await store.saveNote(note);
    const engine = startEngine({ dir, readNote: async () => null }, { articleIds: [], claimIds: [], noteIds: [] }, { persist: true, saveDelayMs: 3_600_000, maxSaveDelayMs: 50 });
    engine.change(indexChangeOf(heard[0]!));
    await vi.waitFor(async () => expect((await savedStamps(dir)).has(note.id)).toBe(true), { timeout: 10_000 });
    await engine.close();
    await store.close();
  });
});
