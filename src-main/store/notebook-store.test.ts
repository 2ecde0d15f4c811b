import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { describeRange } from '../common/anchoring/describe-range';
import type { Article, Note } from '../common/model';
import { textToDoc } from '../common/text-to-doc';
import { tempDir } from '../test-support/temp-dir';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import { openStore } from './notebook-store';
import { UnreadableFileError } from './validated-json-file';

const at = new Date('2026-11-25T10:00:00.000Z');

function article(id: string, title: string, text = `Body of ${title}.`): Article {
  return {
    id,
    title,
    source: 'Test',
    format: 'text',
    tags: [],
    wordCount: text.split(' ').length,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
    original: text,
    doc: textToDoc(text),
  };
}

describe('notebook store', () => {
  it('round-trips an article through the folder and a reopen', async () => {
    const dir = await tempDir();
    const store = await openStore(dir, { now: () => at });
    expect(store.isNew).toBe(true);
    const saved = article('art_roundtrip1', 'Round trip', 'The “2+2” talks — 東京.');
    await store.saveRecord({ article: saved, annotations: [] });
    await store.close();

    const reopened = await openStore(dir);
    expect(reopened.isNew).toBe(false);
    expect(reopened.listArticles()).toEqual([expect.objectContaining({ id: 'art_roundtrip1', title: 'Round trip' })]);
    expect(await reopened.readRecord('art_roundtrip1').then((r) => r.article)).toEqual(saved);
    const onDisk = JSON.parse(await readFile(join(dir, 'articles/art_roundtrip1.json'), 'utf8'));
    expect(onDisk).toMatchObject({ schemaVersion: CURRENT_SCHEMA_VERSION, article: { id: 'art_roundtrip1' }, annotations: [] });
    await reopened.close();
  });

  it('reads an article’s annotations alone, and a damaged file through the full read that sets it aside', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const text = 'Body of Cited.';
    const annotation = { id: 'ann_cited0001', articleId: 'art_cited0001', target: describeRange(text, 0, 4), color: 'green' as const, comment: '', tags: [], createdAt: at.toISOString(), updatedAt: at.toISOString() };
    await store.saveRecord({ article: article('art_cited0001', 'Cited', text), annotations: [annotation] });
    await store.saveRecord({ article: article('art_broken002', 'Broken'), annotations: [] });
    expect(await store.readAnnotations('art_cited0001')).toEqual([annotation]);
    await store.close();
    // Readable annotations beside a text the full read would refuse: only the annotations count here.
    const file = JSON.parse(await readFile(join(dir, 'articles/art_cited0001.json'), 'utf8'));
    await writeFile(join(dir, 'articles/art_cited0001.json'), JSON.stringify({ ...file, article: { ...file.article, doc: 'not a document' } }));

    const reopened = await openStore(dir);
    expect(await reopened.readAnnotations('art_cited0001')).toEqual([annotation]);
    expect(reopened.articleTitle('art_cited0001')).toBe('Cited');
    await writeFile(join(dir, 'articles/art_broken002.json'), '{"schemaVersion": 1, "annot');
    await expect(reopened.readAnnotations('art_broken002')).rejects.toThrow(/could not be read .*backups\/quarantine/);
    expect(reopened.articleTitle('art_broken002')).toBeUndefined();
    await reopened.close();
  });

  it('quarantines a corrupt article file, reports it, and opens the rest', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.saveRecord({ article: article('art_good00001', 'Good'), annotations: [] });
    await store.saveRecord({ article: article('art_broken001', 'Broken'), annotations: [] });
    await store.close();
    await writeFile(join(dir, 'articles/art_broken001.json'), '{"schemaVersion": 1, "article": {"id": "art_broken001", "tit');

    const reopened = await openStore(dir, { now: () => at });
    expect(reopened.listArticles().map((a) => a.title).sort()).toEqual(['Broken', 'Good']);
    expect((await reopened.readRecord('art_good00001').then((r) => r.article)).title).toBe('Good');
    await expect(reopened.readRecord('art_broken001').then((r) => r.article)).rejects.toThrow(/could not be read \(it breaks off part way — it was cut short while being written\).*backups\/quarantine/);
    expect(reopened.quarantined).toEqual([
      expect.objectContaining({ file: 'articles/art_broken001.json', movedTo: expect.stringMatching(/^backups\/quarantine\/.*art_broken001\.json$/) }),
    ]);
    expect(reopened.listArticles().map((a) => a.title)).toEqual(['Good']);
    // The damaged file, and the list that says why it is there (see damaged-files.ts).
    expect((await readdir(join(dir, 'backups/quarantine'))).sort()).toEqual([expect.stringMatching(/art_broken001\.json$/), 'damaged-files.json']);
    expect(reopened.damaged.list()).toEqual([expect.objectContaining({ file: 'articles/art_broken001.json', record: { kind: 'article', id: 'art_broken001', title: 'Broken' } })]);
    await reopened.close();
  });

  it('quarantines an article file whose contents fail validation when it is found on open', async () => {
    const dir = await tempDir();
    await (await openStore(dir)).close();
    await writeFile(join(dir, 'articles/art_invalid01.json'), JSON.stringify({ schemaVersion: 1, article: { id: 'art_invalid01' } }));
    const store = await openStore(dir);
    expect(store.listArticles()).toEqual([]);
    expect(store.quarantined[0]?.reason).toMatch(/not a valid notebook record at article\./);
    await store.close();
  });

  it('rebuilds the index from the article files when notebook.json is corrupt', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.saveRecord({ article: article('art_survivor1', 'Survivor'), annotations: [] });
    await store.close();
    await writeFile(join(dir, 'notebook.json'), 'not json at all');

    const reopened = await openStore(dir);
    expect(reopened.isNew).toBe(false);
    expect(reopened.listArticles().map((a) => a.title)).toEqual(['Survivor']);
    expect(reopened.quarantined.map((q) => q.file)).toEqual(['notebook.json']);
    await reopened.close();
  });

  it('recovers an article whose index entry was never written (crash between the two writes)', async () => {
    const dir = await tempDir();
    await (await openStore(dir)).close();
    await writeFile(join(dir, 'articles/art_orphanfile.json'), JSON.stringify({ schemaVersion: 1, article: article('art_orphanfile', 'Lost and found') }));
    const store = await openStore(dir);
    expect(store.listArticles().map((a) => a.title)).toEqual(['Lost and found']);
    await store.close();
  });

  it('lands concurrent writes to different articles', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const many = Array.from({ length: 20 }, (_, i) => article(`art_concurrent${String(i).padStart(2, '0')}`, `Article ${i}`));
    await Promise.all(many.map((a) => store.saveRecord({ article: a, annotations: [] })));
    await store.close();

    const reopened = await openStore(dir);
    expect(reopened.listArticles()).toHaveLength(20);
    await reopened.flush(); // open folds the journal in the background
    const index = JSON.parse(await readFile(join(dir, 'notebook.json'), 'utf8'));
    expect(index.articles).toHaveLength(20);
    for (const a of many) expect((await reopened.readRecord(a.id).then((r) => r.article)).title).toBe(a.title);
    await reopened.close();
  });

  it('refuses a second open of the same folder while the first holds it', async () => {
    const dir = await tempDir();
    const first = await openStore(dir);
    await expect(openStore(dir)).rejects.toThrow(/already open in another Marginalia/);
    await first.close();
    await (await openStore(dir)).close();
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dir = await tempDir();
    await (await openStore(dir)).close();
    await writeFile(join(dir, 'notebook.lock'), '999999999');
    await (await openStore(dir)).close();
  });

  it('keeps a daily snapshot of notebook.json', async () => {
    const dir = await tempDir();
    await (await openStore(dir, { now: () => at })).close();
    expect(await readdir(join(dir, 'backups'))).toContain('notebook-2026-11-25.json');
  });

  it('tells listeners of each write in order, and a listener that throws fails no write', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const heard: string[] = [];
    store.onChange(() => {
      throw new Error('a bug in a listener');
    });
    store.onChange((change) => heard.push(`${change.kind} ${change.id}`));
    const note: Note = { id: 'note_heard0001', title: 'Heard', body: 'A note.', tags: [], links: [], createdAt: at.toISOString(), updatedAt: at.toISOString() };

    await store.saveRecord({ article: article('art_heard0001', 'Heard'), annotations: [] });
    await store.saveNote(note);
    await store.removeArticle('art_heard0001');
    expect(heard).toEqual(['article art_heard0001', 'note note_heard0001', 'article art_heard0001']);
    expect(logged).toHaveBeenCalledTimes(3);
    logged.mockRestore();
    await store.close();
  });

  it('drops a record found damaged before its file is on the Damaged files list, keeping its good copy', async () => {
    // A search reading a note, or a window opening an article, finds the damage outside the
    // write queue: a window that saw the list and asked to restore was refused ("is in the
    // notebook again") while the record was still in the cache.
    const dir = await tempDir();
    let store = await openStore(dir);
    const note: Note = { id: 'note_damaged01', title: 'Why', body: 'Because.', tags: [], links: [], createdAt: at.toISOString(), updatedAt: at.toISOString() };
    await store.saveNote(note);
    await store.saveRecord({ article: article('art_damaged01', 'Trust'), annotations: [] });
    const claim = { id: 'clm_damaged01', statement: 'Trust grows', tags: [], evidence: [], createdAt: at.toISOString(), updatedAt: at.toISOString() };
    await store.saveClaim(claim);
    await store.close();
    for (const file of ['notes/note_damaged01.json', 'articles/art_damaged01.json', 'claims/clm_damaged01.json']) await writeFile(join(dir, file), '{"schemaVersion": 3, "rec');

    store = await openStore(dir);
    const stillThere: string[] = [];
    store.damaged.subscribe(({ record }) => {
      if (record?.kind === 'note' && store.noteMeta(record.id)) stillThere.push(record.id);
      if (record?.kind === 'article' && store.hasArticle(record.id)) stillThere.push(record.id);
      if (record?.kind === 'claim' && store.claim(record.id)) stillThere.push(record.id);
    });
    await expect(store.readNote('note_damaged01')).rejects.toMatchObject({ code: 'storage' });
    await expect(store.readRecord('art_damaged01')).rejects.toMatchObject({ code: 'storage' });
    // A claim is served from the cache; the check of its file on open sets it aside so.
    const claimFile = join(dir, 'claims/clm_damaged01.json');
    const claimEntry = await store.setAsideRecord('claim', 'clm_damaged01', new UnreadableFileError(claimFile, 'it breaks off part way'));
    // Its good copy is the cache's, taken before the claim left it.
    expect(claimEntry).toMatchObject({ record: { kind: 'claim', id: 'clm_damaged01' }, backup: expect.stringMatching(/^backups\/quarantine\//) });
    expect(JSON.parse(await readFile(join(dir, claimEntry.backup!), 'utf8')).record).toEqual(claim);
    expect(store.damaged.list().map((entry) => entry.record?.id).sort()).toEqual(['art_damaged01', 'clm_damaged01', 'note_damaged01']);
    expect(stillThere).toEqual([]);
    await store.close();
  });

  it('reports a missing article as not found', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await expect(store.readRecord('art_nonexistent').then((r) => r.article)).rejects.toMatchObject({ code: 'not_found' });
    await store.close();
  });

  it('answers one claim or note by id with a copy, and their ids, as the full lists hold them, after saves, removals and a reopen', async () => {
    const dir = await tempDir();
    let store = await openStore(dir);
    const stamp = at.toISOString();
    const claim = (n: number) => ({ id: `clm_claim000${n}`, statement: `Claim ${n}`, tags: [], evidence: [], createdAt: stamp, updatedAt: stamp });
    for (let n = 0; n < 5; n++) await store.saveClaim(claim(n));
    await store.saveNote({ id: 'note_noteaaaa', title: 'A note', tags: ['x'], links: [{ target: { claimId: 'clm_claim0003' }, relation: 'supports' }], createdAt: stamp, updatedAt: stamp, body: 'Text.' });
    await store.removeClaim('clm_claim0001');
    await store.saveClaim({ ...claim(4), statement: 'Claim 4, reworded' });
    const check = () => {
      expect(store.claimIds()).toEqual(store.claims().map((claim) => claim.id));
      expect(store.noteIds()).toEqual(['note_noteaaaa']);
      for (const listed of store.claims()) expect(store.claim(listed.id)).toEqual(listed);
      for (const listed of store.noteMetas()) expect(store.noteMeta(listed.id)).toEqual(listed);
      expect(store.claim('clm_claim0001')).toBeNull();
      expect(store.noteMeta('note_notegone')).toBeNull();
      expect(store.claim('clm_claim0004')?.statement).toBe('Claim 4, reworded');
    };
    check();
    // A copy: changing it changes nothing the store holds.
    store.claim('clm_claim0003')!.statement = 'changed outside';
    store.noteMeta('note_noteaaaa')!.tags.push('y');
    expect(store.claim('clm_claim0003')?.statement).toBe('Claim 3');
    expect(store.noteMeta('note_noteaaaa')?.tags).toEqual(['x']);
    await store.close();
    store = await openStore(dir);
    check();
    expect(store.claims().map((c) => c.id).sort()).toEqual(['clm_claim0000', 'clm_claim0002', 'clm_claim0003', 'clm_claim0004']);
    await store.close();
  });
});
