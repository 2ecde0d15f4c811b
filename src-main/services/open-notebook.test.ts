import { readFileSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../common/api-dispatch';
import { inProcessApi, valueOf } from '../test-support/in-process-api';
import { tempDir } from '../test-support/temp-dir';
import { openNotebook } from './open-notebook';

const seed = readFileSync(new URL('../../resources/sample/japan-us-2plus2.txt', import.meta.url), 'utf8');
const sharedSeed = new URL('../../../shared/seed/japan-us-2plus2.txt', import.meta.url);

describe('a brand-new notebook', () => {
  it('holds the sample article, with a plain title, dateline Tokyo and the text exactly as shipped', async () => {
    const notebook = await openNotebook(await tempDir());
    const list = await notebook.handlers.listArticles({});
    expect(list).toHaveLength(1);
    const view = await notebook.handlers.getArticle({ id: list[0]!.id });
    expect(view.title).toMatch(/Japan and U\.S\./);
    expect(view.dateline).toBe('Tokyo');
    expect(view.original).toBe(seed);
    expect(view.text).toBe(seed.trim());
    expect(view.html.startsWith('<p>TOKYO: Japanese and U.S. defense chiefs')).toBe(true);
    await notebook.close();
  });

  it('ships the seed byte for byte', (context) => {
    let shared: string;
    try {
      shared = readFileSync(sharedSeed, 'utf8');
    } catch {
      context.skip('../shared/seed is not present on this machine');
      return;
    }
    expect(seed).toBe(shared);
  });

  it('does not add the sample again once the user deleted it', async () => {
    const dir = await tempDir();
    const first = await openNotebook(dir);
    const [sample] = await first.handlers.listArticles({});
    await first.handlers.deleteArticle({ id: sample!.id });
    await first.close();
    const second = await openNotebook(dir);
    expect(await second.handlers.listArticles({})).toEqual([]);
    await second.close();
  });
});

describe('library services', () => {
  it('imports Markdown, titles it from its heading, and lists newest first', async () => {
    let clock = Date.parse('2026-11-25T10:00:00Z');
    const notebook = await openNotebook(await tempDir(), { now: () => new Date((clock += 1000)) });
    const imported = await notebook.handlers.importArticle({ format: 'markdown', content: '# Deterrence\n\nA *second* look.' });
    expect(imported).toMatchObject({ title: 'Deterrence', source: 'Pasted Markdown', format: 'markdown', wordCount: 4 });
    const list = await notebook.handlers.listArticles({});
    expect(list.map((a) => a.id)[0]).toBe(imported.id);
    // The leading heading became the title, so the body does not repeat it.
    expect((await notebook.handlers.getArticle({ id: imported.id })).text).toBe('A second look.');
    const titled = await notebook.handlers.importArticle({ format: 'markdown', content: '# Deterrence\n\nBody.', title: 'Another title' });
    expect((await notebook.handlers.getArticle({ id: titled.id })).text).toBe('Deterrence\n\nBody.');
    await notebook.close();
  });

  it('renames, retags and rewrites an article and keeps it across a reopen', async () => {
    const dir = await tempDir();
    const notebook = await openNotebook(dir);
    const api = inProcessApi(notebook.handlers);
    const { id } = await valueOf(api.importArticle({ format: 'text', content: 'First draft.', title: 'Draft' }));
    await valueOf(api.updateArticle({ id, title: '  Final   title ', tags: ['Region / East Asia', 'region/east-asia'] }));
    await valueOf(api.updateArticle({ id, content: 'Second draft.\n\nWith two paragraphs.' }));
    await notebook.close();

    const reopened = await openNotebook(dir);
    const view = await reopened.handlers.getArticle({ id });
    expect(view).toMatchObject({ title: 'Final title', tags: ['region/east-asia'], text: 'Second draft.\n\nWith two paragraphs.' });
    await reopened.close();
  });

  it('keeps both of two quick edits to the same article', async () => {
    const notebook = await openNotebook(await tempDir());
    const { id } = await notebook.handlers.importArticle({ format: 'text', content: 'Text.', title: 'T' });
    await Promise.all([notebook.handlers.updateArticle({ id, title: 'Renamed' }), notebook.handlers.updateArticle({ id, tags: ['kept'] })]);
    expect(await notebook.handlers.getArticle({ id })).toMatchObject({ title: 'Renamed', tags: ['kept'] });
    await notebook.close();
  });

  it('deletes an article for good', async () => {
    const dir = await tempDir();
    const notebook = await openNotebook(dir);
    const { id } = await notebook.handlers.importArticle({ format: 'text', content: 'Gone soon.' });
    await notebook.handlers.deleteArticle({ id });
    await expect(notebook.handlers.getArticle({ id })).rejects.toMatchObject({ code: 'not_found' });
    await notebook.close();
    const reopened = await openNotebook(dir);
    expect((await reopened.handlers.listArticles({})).map((a) => a.id)).not.toContain(id);
    await reopened.close();
  });

  it('rejects Markdown that has no readable text and saves nothing', async () => {
    const notebook = await openNotebook(await tempDir());
    const before = await notebook.handlers.listArticles({});
    const answer = await dispatch(notebook.handlers, 'importArticle', { format: 'markdown', content: '---\n\n***' });
    expect(answer).toEqual({ ok: false, error: { code: 'invalid_argument', message: expect.stringMatching(/no readable text/) } });
    expect(await notebook.handlers.listArticles({})).toEqual(before);
    await notebook.close();
  });
});

describe('opening after a crash', () => {
  it('deletes the temporary files killed writes left in every folder the notebook owns, and nothing else', async () => {
    const dir = await tempDir();
    await (await openNotebook(dir, { persistSearch: true })).close();
    const folders = ['', 'articles', 'notes', 'claims', 'backups', 'search-index', '.git/objects/ab', '.git/refs/heads'];
    for (const folder of folders) await mkdir(join(dir, folder), { recursive: true });
    const before = new Map<string, string[]>();
    for (const folder of folders) before.set(folder, (await readdir(join(dir, folder))).sort());
    for (const folder of folders) await writeFile(join(dir, folder, '.something.json.4242.9.tmp'), '{"half":');
    const reopened = await openNotebook(dir);
    await reopened.close();
    for (const folder of folders) expect([folder, (await readdir(join(dir, folder))).sort()]).toEqual([folder, before.get(folder)]);
  });
});
