/**
 * Search through the API on a real notebook folder: what it finds, where it points, and that
 * every change (undo and redo, a tag rename, a delete) reaches the index; that a saved index
 * spares reopening from reading the articles, and a damaged one is rebuilt.
 */
import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NotebookApi } from '../../../common/api';
import type { SearchFilters } from '../../../common/search-schema';
import { inProcessApi, valueOf } from '../../../test-support/in-process-api';
import { highlightPhrase, openSampleNotebook } from '../../../test-support/sample-notebook';
import { openNotebook } from '../../open-notebook';
import { POSTED_WORDS } from '../search-protocol';

const setUp = openSampleNotebook;
const highlight = (api: NotebookApi, articleId: string, text: string, phrase: string, comment?: string) =>
  highlightPhrase(api, articleId, text, phrase, comment ? { comment } : {});

const search = (api: NotebookApi, query: string, filters?: SearchFilters) => valueOf(api.search({ query, ...(filters ? { filters } : {}) }));
const kindsAndIds = (answer: Awaited<ReturnType<typeof search>>) => answer.results.map((r) => `${r.kind}:${r.id}`);

describe('search', () => {
  it('finds a phrase in article text and gives the exact passage in canonical-text offsets', async () => {
    const { api, sample } = await setUp();
    const { results, indexing } = await search(api, '"greatest strategic challenge"');
    expect(indexing).toBeNull();
    const hit = results.find((r) => r.kind === 'article')!;
    expect(hit).toMatchObject({ id: sample.id, articleId: sample.id, title: sample.title });
    expect(sample.text.slice(hit.position!.start, hit.position!.end)).toBe('greatest strategic challenge');
    expect(hit.matches.map((m) => hit.snippet.slice(m.start, m.end))).toContain('greatest');
  });

  it('completes the last word as it is typed, folds case and accents, and ranks a title hit first', async () => {
    const { api, sample } = await setUp();
    const other = await valueOf(api.importArticle({ format: 'text', content: 'Tokyo hosted the Japan talks once more.', title: 'Notes on Kamikawa' }));
    const answer = await search(api, 'KAMIKA');
    expect(kindsAndIds(answer)).toEqual([`article:${other.id}`, `article:${sample.id}`]);
    expect(answer.results[0]!.titleMatches).toEqual([{ start: 9, end: 17 }]);
    expect(kindsAndIds(await search(api, 'kamikawá'))).toEqual([`article:${other.id}`, `article:${sample.id}`]);
  });

  it('finds highlights by quote and comment, claims by statement and notes by body, with filters', async () => {
    const { api, sample } = await setUp();
    const threat = await highlight(api, sample.id, sample.text, 'the rising threat from China', 'Compare with the **Pentagon** posture review.');
    await valueOf(api.updateAnnotation({ id: threat.id, color: 'pink', tags: ['security/china'] }));
    const claim = await valueOf(api.createClaim({ annotationId: threat.id, statement: 'China is a pacing threat' }));
    const note = await valueOf(api.createNote({ title: 'Posture', body: 'The pentagon review is due in spring.', tags: ['security'] }));

    const byComment = await search(api, 'pentagon');
    expect(kindsAndIds(byComment).sort()).toEqual([`annotation:${threat.id}`, `note:${note.id}`].sort());
    const annotation = byComment.results.find((r) => r.kind === 'annotation')!;
    expect(annotation).toMatchObject({ articleId: sample.id, annotationId: threat.id, color: 'pink', title: sample.title });
    expect(annotation.snippet).toBe('the rising threat from China');
    // The comment is Markdown; its words are shown as a reader sees them.
    expect(annotation.comment?.text).toBe('Compare with the Pentagon posture review.');
    expect(annotation.comment?.matches.map((m) => annotation.comment!.text.slice(m.start, m.end))).toEqual(['Pentagon']);

    const pacing = await search(api, 'pacing threat');
    expect(pacing.results[0]).toMatchObject({ kind: 'claim', id: claim.id, annotationId: threat.id, articleId: sample.id });
    expect(pacing.results[0]!.snippet).toBe('the rising threat from China');

    expect(kindsAndIds(await search(api, 'threat', { kind: 'annotation' }))).toEqual([`annotation:${threat.id}`]);
    expect(kindsAndIds(await search(api, 'threat', { color: 'pink' })).sort()).toEqual([`annotation:${threat.id}`, `claim:${claim.id}`].sort());
    expect(kindsAndIds(await search(api, 'threat', { color: 'green' }))).toEqual([]);
    expect(kindsAndIds(await search(api, 'pentagon', { tag: 'security' })).sort()).toEqual([`annotation:${threat.id}`, `note:${note.id}`].sort());
    expect(kindsAndIds(await search(api, 'pentagon', { tag: 'security/china' }))).toEqual([`annotation:${threat.id}`]);
    const other = await valueOf(api.importArticle({ format: 'text', content: 'A threat elsewhere.', title: 'Elsewhere' }));
    expect(kindsAndIds(await search(api, 'threat', { articleId: other.id }))).toEqual([`article:${other.id}`]);
  });

  it('follows undo and redo, edits, deletes and tag renames', async () => {
    const { api, sample } = await setUp();
    const marked = await highlight(api, sample.id, sample.text, 'collective deterrence', 'zanzibar');
    expect(kindsAndIds(await search(api, 'zanzibar'))).toEqual([`annotation:${marked.id}`]);
    await valueOf(api.undo({}));
    expect(kindsAndIds(await search(api, 'zanzibar'))).toEqual([]);
    await valueOf(api.redo({}));
    expect(kindsAndIds(await search(api, 'zanzibar'))).toEqual([`annotation:${marked.id}`]);

    await valueOf(api.updateAnnotation({ id: marked.id, comment: 'quagga', tags: ['old/name'] }));
    expect(kindsAndIds(await search(api, 'zanzibar'))).toEqual([]);
    expect(kindsAndIds(await search(api, 'quagga', { tag: 'old' }))).toEqual([`annotation:${marked.id}`]);
    await valueOf(api.renameTag({ from: 'old', to: 'fresh' }));
    expect(kindsAndIds(await search(api, 'quagga', { tag: 'old' }))).toEqual([]);
    expect(kindsAndIds(await search(api, 'quagga', { tag: 'fresh/name' }))).toEqual([`annotation:${marked.id}`]);
    await valueOf(api.undo({}));
    expect(kindsAndIds(await search(api, 'quagga', { tag: 'old/name' }))).toEqual([`annotation:${marked.id}`]);

    await valueOf(api.updateArticle({ id: sample.id, content: 'Entirely new words about okapis.' }));
    expect(kindsAndIds(await search(api, 'okapis'))).toEqual([`article:${sample.id}`]);
    expect((await search(api, 'Kamikawa')).results).toEqual([]);
    await valueOf(api.deleteArticle({ id: sample.id }));
    expect((await search(api, 'okapis')).results).toEqual([]);
    expect((await search(api, 'quagga')).results).toEqual([]);
  });

  it('indexes an article too large to post to its worker from its file, through edits, highlights and a delete', async () => {
    const { api } = await setUp();
    // Past POSTED_WORDS: the index reads the article's file, not the change.
    const words = (last: string) => `${Array.from({ length: POSTED_WORDS + 10 }, (_, n) => `word${n}`).join(' ')} ${last}.`;
    const big = await valueOf(api.importArticle({ format: 'text', content: words('wombat'), title: 'A very long list' }));
    expect(big.wordCount).toBeGreaterThan(POSTED_WORDS);
    expect(kindsAndIds(await search(api, 'wombat'))).toEqual([`article:${big.id}`]);
    expect(kindsAndIds(await search(api, 'word9999'))).toEqual([`article:${big.id}`]);
    const { text } = await valueOf(api.getArticle({ id: big.id }));
    const marked = await highlight(api, big.id, text, 'wombat', 'marsupial');
    expect(kindsAndIds(await search(api, 'marsupial'))).toEqual([`annotation:${marked.id}`]);
    await valueOf(api.updateArticle({ id: big.id, content: words('numbat') }));
    expect(kindsAndIds(await search(api, 'numbat'))).toEqual([`article:${big.id}`]);
    expect((await search(api, 'wombat')).results.filter((r) => r.kind === 'article')).toEqual([]);
    await valueOf(api.deleteArticle({ id: big.id }));
    expect((await search(api, 'numbat')).results).toEqual([]);
  });

  it('reopens from the saved index without reading the articles, and re-reads only one changed while closed', async () => {
    const first = await setUp();
    await valueOf(first.api.importArticle({ format: 'text', content: 'Wombats dig burrows.', title: 'Wombats' }));
    const third = await valueOf(first.api.importArticle({ format: 'text', content: 'Quokkas smile.', title: 'Quokkas' }));
    await first.notebook.close();

    const second = await openNotebook(first.dir);
    const api = inProcessApi(second.handlers);
    expect((await search(api, 'burrows')).results).toHaveLength(1);
    expect(second.searchStats()).toEqual({ articlesRead: 0, loadedFromDisk: true });
    await second.close();

    // Changed behind the app's back (a sync tool, an editor): its file is newer than the index.
    const path = join(first.dir, 'articles', `${third.id}.json`);
    const file = JSON.parse(await readFile(path, 'utf8'));
    file.article.title = 'Numbats';
    await writeFile(path, JSON.stringify(file));
    await utimes(path, new Date(), new Date(Date.now() + 5000));
    const reopened = await openNotebook(first.dir);
    const again = inProcessApi(reopened.handlers);
    // Once open's look at files changed while closed is done (synced-folder/file-stamps.ts).
    // This edit keeps its revision, as a hand edit does, so only search reads the file again.
    // TODO(search): without this wait the first search answered before the file was re-read
    // on main (not on the search branch alone); the cause is not yet understood.
    await reopened.caughtUp();
    expect((await search(again, 'numbats')).results.map((r) => r.id)).toEqual([third.id]);
    expect(reopened.searchStats()).toEqual({ articlesRead: 1, loadedFromDisk: true });
    await reopened.close();
  });

  it('rebuilds a damaged saved index from the notebook', async () => {
    const first = await setUp();
    await first.notebook.close();
    await writeFile(join(first.dir, 'search-index', 'index.bin'), 'not an index');
    const again = await openNotebook(first.dir);
    const api = inProcessApi(again.handlers);
    await again.searchIdle();
    expect((await search(api, 'Kamikawa')).results.map((r) => r.id)).toEqual([first.sample.id]);
    expect(again.searchStats()).toEqual({ articlesRead: 1, loadedFromDisk: false });
    await again.close();
  });

  it('answers while a large index is being built, saying how far it has got', async () => {
    const first = await setUp();
    for (let i = 0; i < 130; i += 1) {
      await valueOf(first.api.importArticle({ format: 'text', content: `Field report ${i} on the migration of cranes.`, title: `Report ${i}` }));
    }
    await first.notebook.close();
    await rm(join(first.dir, 'search-index'), { recursive: true });

    const again = await openNotebook(first.dir);
    const api = inProcessApi(again.handlers);
    const early = await search(api, 'cranes');
    expect(early.indexing).toEqual({ indexed: expect.any(Number), total: 131 });
    expect(early.indexing!.indexed).toBeLessThan(131);
    await again.searchIdle();
    const done = await search(api, 'cranes');
    expect(done.indexing).toBeNull();
    expect(done.results).toHaveLength(20);
    await again.close();
  });

  it('answers an empty or wordless query with nothing', async () => {
    const { api } = await setUp();
    expect((await search(api, '')).results).toEqual([]);
    expect((await search(api, ' — ! ')).results).toEqual([]);
  });
});
