/**
 * The write-path failures found from outside, kept as tests: two deadlocks (renaming a tag
 * while an article is deleted; undo while a highlight is created or edited), acknowledged
 * tag writes lost to a race, and an undo sent right after a highlight undoing the step before.
 */
import { describe, expect, it } from 'vitest';
import type { NotebookApi } from '../../common/api';
import { describeRange } from '../../common/anchoring/describe-range';
import { inProcessApi, valueOf } from '../../test-support/in-process-api';
import { tempDir } from '../../test-support/temp-dir';
import { openNotebook } from '../open-notebook';

const TRIALS = 10;

async function notebookWithArticle() {
  const notebook = await openNotebook(await tempDir(), { sample: false, persistSearch: false });
  const api = inProcessApi(notebook.handlers);
  const article = await valueOf(api.importArticle({ format: 'text', content: 'One clear sentence here. Another sentence there.', title: 'Sentences' }));
  const text = (await valueOf(api.getArticle({ id: article.id }))).text;
  const target = (phrase: string) => describeRange(text, text.indexOf(phrase), text.indexOf(phrase) + phrase.length);
  return { notebook, api, articleId: article.id, target };
}

const tagsOf = async (api: NotebookApi, id: string) => (await valueOf(api.listArticles({}))).find((a) => a.id === id)?.tags;

describe('the write queue', () => {
  it('undoes the highlight itself when Ctrl+Z is sent right after h', async () => {
    const { notebook, api, articleId, target } = await notebookWithArticle();
    await valueOf(api.createNote({ title: 'An earlier step' }));

    const highlight = api.createAnnotation({ articleId, target: target('clear sentence') });
    const undo = api.undo({});

    expect((await valueOf(highlight)).id).toMatch(/^ann_/);
    expect(await valueOf(undo)).toMatchObject({ label: 'Highlight' });
    expect(await valueOf(api.listAnnotations({ articleId }))).toEqual([]);
    expect((await valueOf(api.listNotes({}))).map((n) => n.title)).toEqual(['An earlier step']);
    await notebook.close();
  });

  it('renames a tag while the article holding it is deleted: both finish, and writes go on', async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const { notebook, api, articleId, target } = await notebookWithArticle();
      await valueOf(api.createAnnotation({ articleId, target: target('clear sentence'), tags: ['old'] }));
      await valueOf(api.createNote({ title: 'Tagged', tags: ['old'] }));

      const [deleted, renamed] = await Promise.all([api.deleteArticle({ id: articleId }), api.renameTag({ from: 'old', to: 'new' })]);

      expect(deleted.ok).toBe(true);
      expect(renamed.ok).toBe(true);
      expect((await valueOf(api.listNotes({})))[0]?.tags).toEqual(['new']);
      await valueOf(api.createNote({ title: 'Later' }));
      await notebook.close();
    }
  });

  it.each([
    ['creating a highlight', (api: NotebookApi, f: Awaited<ReturnType<typeof notebookWithArticle>>) => api.createAnnotation({ articleId: f.articleId, target: f.target('Another sentence') })],
    ['editing a highlight', (api: NotebookApi, f: Awaited<ReturnType<typeof notebookWithArticle>>, id: string) => api.updateAnnotation({ id, comment: 'Why' })],
    ['editing the article', (api: NotebookApi, f: Awaited<ReturnType<typeof notebookWithArticle>>) => api.updateArticle({ id: f.articleId, title: 'Renamed' })],
  ])('undoes while %s: both finish, and the history still records', async (_what, write) => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const f = await notebookWithArticle();
      const first = await valueOf(f.api.createAnnotation({ articleId: f.articleId, target: f.target('clear sentence') }));

      const [written, undone] = await Promise.all([write(f.api, f, first.id), f.api.undo({})]);

      expect(written.ok || undone.ok).toBe(true);
      await valueOf(f.api.createNote({ title: 'Afterwards' }));
      expect(await valueOf(f.api.getHistory({}))).toMatchObject({ undo: { label: 'New note' } });
      await f.notebook.close();
    }
  });

  it('keeps both tag writes when a rename races a bulk tag, and when a details edit does', async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const { notebook, api, articleId } = await notebookWithArticle();
      await valueOf(api.updateArticle({ id: articleId, tags: ['draft'] }));

      const [renamed, tagged] = await Promise.all([api.renameTag({ from: 'draft', to: 'final' }), api.tagArticles({ ids: [articleId], add: ['bulk'] })]);
      expect(await valueOf(Promise.resolve(renamed))).toEqual({ changed: 1 });
      expect(await valueOf(Promise.resolve(tagged))).toEqual({ changed: 1 });
      expect((await tagsOf(api, articleId))?.sort()).toEqual(['bulk', 'final']);

      const [edited, tagged2] = await Promise.all([api.updateArticle({ id: articleId, tags: ['final', 'edited'] }), api.tagArticles({ ids: [articleId], add: ['more'] })]);
      expect(edited.ok && tagged2.ok).toBe(true);
      expect((await tagsOf(api, articleId))?.sort()).toEqual(['edited', 'final', 'more']);
      await notebook.close();
    }
  });
});
