/**
 * The metadata cache is kept by appending to notebook.journal: a write costs a line, not a
 * rewrite of notebook.json (which grows with the library); the journal is replayed on open
 * and folded into notebook.json once it passes its bound.
 */
import { appendFile, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation, Article } from '../common/model';
import { describeRange } from '../common/anchoring/describe-range';
import { textToDoc } from '../common/text-to-doc';
import { tempDir } from '../test-support/temp-dir';
import { AppendLog } from './append-log';
import { JOURNAL_FILE, openJournal } from './metadata-journal';
import type { NotebookFile } from './notebook-files';
import { articleMeta, openStore } from './notebook-store';

const stamp = '2026-11-30T10:00:00.000Z';
const TEXT = 'Alliances rest on trust and on shared work.';

function article(id: string, title: string): Article {
  return { id, title, source: 'Test', format: 'text', tags: [], wordCount: 8, createdAt: stamp, updatedAt: stamp, original: TEXT, doc: textToDoc(TEXT) };
}

function highlight(id: string, articleId: string): Annotation {
  return { id, articleId, target: describeRange(TEXT, 0, 9), color: 'yellow', comment: '', tags: [], createdAt: stamp, updatedAt: stamp };
}

const sizeOf = async (path: string) => (await stat(path)).size;

describe('the metadata journal', () => {
  it('records a highlight by appending to the journal, without rewriting notebook.json', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    for (let n = 0; n < 50; n++) await store.saveRecord({ article: article(`art_many${String(n).padStart(4, '0')}`, `Article ${n}`), annotations: [] });
    await store.close();
    const reopened = await openStore(dir);
    await reopened.flush(); // open folds the journal in the background
    const cacheBefore = await readFile(join(dir, 'notebook.json'), 'utf8');
    const journalBefore = await sizeOf(join(dir, JOURNAL_FILE));

    await reopened.saveRecord({ article: article('art_many0007', 'Article 7'), annotations: [highlight('ann_new00001', 'art_many0007')] });
    await reopened.flush();

    expect(await readFile(join(dir, 'notebook.json'), 'utf8')).toBe(cacheBefore);
    const grew = (await sizeOf(join(dir, JOURNAL_FILE))) - journalBefore;
    expect(grew).toBeGreaterThan(0);
    expect(grew).toBeLessThan(cacheBefore.length / 10);
    await reopened.close();
  });

  it('replays the journal on open, and folds it into notebook.json then', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.saveRecord({ article: article('art_replay01', 'Before'), annotations: [] });
    await store.close();
    const writer = await openStore(dir);
    await writer.flush(); // open folds what the first store journaled, in the background
    await writer.saveRecord({ article: { ...article('art_replay01', 'After'), tags: ['kept'] }, annotations: [highlight('ann_replay01', 'art_replay01')] });
    await writer.saveLegend({ ...writer.legend(), green: 'Method' });
    await writer.flush();
    // As after a crash: the journal holds what notebook.json does not.
    expect(await readFile(join(dir, 'notebook.json'), 'utf8')).not.toContain('After');
    await writer.close();

    const reopened = await openStore(dir);
    expect(reopened.listArticles()).toEqual([expect.objectContaining({ id: 'art_replay01', title: 'After', tags: ['kept'] })]);
    expect(reopened.annotationCounts().get('art_replay01')).toBe(1);
    expect(reopened.legend().green).toBe('Method');
    await reopened.flush(); // open folds the journal in the background
    expect(await readFile(join(dir, 'notebook.json'), 'utf8')).toContain('After');
    expect(await sizeOf(join(dir, JOURNAL_FILE))).toBe(0);
    await reopened.close();
  });

  it('skips a line cut short by a crash, and what is appended after it reads back', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.saveRecord({ article: article('art_torn0001', 'Torn'), annotations: [] });
    await store.close();
    await appendFile(join(dir, JOURNAL_FILE), '{"kind":"article","id":"art_torn0001","meta":{"id":"art_to');

    const reopened = await openStore(dir);
    expect(reopened.listArticles().map((a) => a.title)).toEqual(['Torn']);
    await reopened.saveRecord({ article: article('art_torn0001', 'Mended'), annotations: [] });
    await reopened.close();
    const again = await openStore(dir);
    expect(again.listArticles().map((a) => a.title)).toEqual(['Mended']);
    await again.close();
  });

  it('folds itself into notebook.json in the background once past its bound, losing nothing', async () => {
    const dir = await tempDir();
    const store = await openStore(dir, { compactAtBytes: 2_000 });
    for (let n = 0; n < 30; n++) await store.saveRecord({ article: article(`art_fold${String(n).padStart(4, '0')}`, `Fold ${n}`), annotations: [highlight(`ann_fold${String(n).padStart(4, '0')}`, `art_fold${String(n).padStart(4, '0')}`)] });
    await store.flush();
    expect(await sizeOf(join(dir, JOURNAL_FILE))).toBeLessThan(2_000 + 1_000);
    const cache = JSON.parse(await readFile(join(dir, 'notebook.json'), 'utf8')) as { articles: unknown[] };
    expect(cache.articles.length).toBeGreaterThan(1);
    await store.close();

    const reopened = await openStore(dir);
    expect(reopened.listArticles()).toHaveLength(30);
    expect([...reopened.annotationCounts().values()].reduce((a, b) => a + b, 0)).toBe(30);
    await reopened.close();
  });
});

describe('journal entries written beside their files', () => {
  const entry = (id: string, annotations: string[], commit?: string) => ({
    kind: 'article' as const,
    id,
    meta: articleMeta(article(id, `Title of ${id}`)),
    annotations,
    tagged: {},
    ...(commit ? { commit } : {}),
  });
  const emptyIndex = () => ({ schemaVersion: 1, createdAt: stamp, articles: [], claims: [], notes: [] }) as unknown as NotebookFile;

  it('leave the last commit\'s entries to be checked against the files, until a close says every file was written', async () => {
    const dir = await tempDir();
    let { journal } = await openJournal(dir, emptyIndex(), async () => {});
    for (const [id, commit] of [['art_ahead001', 'c1'], ['art_ahead002', 'c2'], ['art_ahead003', 'c2']] as const) {
      const ahead = journal.recordAhead([entry(id, [], commit)]);
      await ahead.written;
      ahead.done();
    }
    // A removal is written after its file is gone: it leaves nothing to check.
    await journal.record([{ kind: 'article', id: 'art_gone0001', meta: null, annotations: [], tagged: {} }]);
    await journal.idle();
    // As after a crash: no close.
    expect((await openJournal(dir, emptyIndex(), async () => {})).unconfirmed.map((e) => e.id).sort()).toEqual(['art_ahead002', 'art_ahead003']);

    await journal.close();
    ({ journal } = await openJournal(dir, emptyIndex(), async () => {}));
    expect((await openJournal(dir, emptyIndex(), async () => {})).unconfirmed).toEqual([]);
    await journal.close();
  });

  it('are not folded into notebook.json before their files are written', async () => {
    const dir = await tempDir();
    const folded: number[] = [];
    const index = emptyIndex();
    const { journal } = await openJournal(dir, index, async () => void folded.push(index.articles.length));
    const ahead = journal.recordAhead([entry('art_ahead001', ['ann_ahead001'], 'c1')]);
    await ahead.written;
    const folding = journal.compact();
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(folded).toEqual([]);
    ahead.done();
    await folding;
    expect(folded).toEqual([1]);
    await journal.close();
  });

  it('that went ahead of a file a crash kept from being written are put right from the file on open', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.saveRecord({ article: article('art_crash001', 'Kept'), annotations: [highlight('ann_kept0001', 'art_crash001')] }, stamp);
    await store.close();
    // The next session's commit: its journal line reached the disk, its article file did not.
    await appendFile(
      join(dir, JOURNAL_FILE),
      `${JSON.stringify({ ...entry('art_crash001', ['ann_kept0001', 'ann_lost0001'], '2026-11-30T10:05:00.000Z'), meta: articleMeta(article('art_crash001', 'Never saved')) })}\n`,
    );

    for (let open = 0; open < 2; open++) {
      const reopened = await openStore(dir);
      expect(reopened.listArticles().map((a) => a.title)).toEqual(['Kept']);
      expect(reopened.annotationCount('art_crash001')).toBe(1);
      expect(await reopened.findAnnotation('ann_lost0001')).toBeUndefined();
      await reopened.close();
    }
  });
});

describe('an append-only log', () => {
  it('writes appends made together in one go, each line whole, in order', async () => {
    const log = new AppendLog(join(await tempDir(), 'log'));
    await Promise.all(Array.from({ length: 100 }, (_, n) => log.append([{ n }])));
    expect(await log.read()).toEqual(Array.from({ length: 100 }, (_, n) => ({ n })));
    await log.close();
  });
});
