/**
 * Two windows edit the same record. Each update says which revision it was based on; the one
 * based on a revision that is no longer current is refused (`stale`), in words that name the
 * record, and writes nothing — unless it would write what is already there. Updates that say
 * nothing keep working (the command line, older callers). Everything goes through the API
 * dispatcher, as the windows' calls do.
 */
import { describe, expect, it } from 'vitest';
import type { ApiResponse, NotebookApi } from '../common/api';
import { fingerprint, fingerprintChanges, savedInBackground } from '../test-support/folder-fingerprint';
import { valueOf } from '../test-support/in-process-api';
import { highlightPhrase, openSampleNotebook } from '../test-support/sample-notebook';


interface Kind {
  kind: string;
  /** Makes a record to edit; answers its id. */
  make(api: NotebookApi, sample: { id: string; text: string }): Promise<string>;
  /** The record's edited field and revision as stored. */
  read(api: NotebookApi, id: string): Promise<{ value: unknown; rev: string | undefined }>;
  /** Sets the edited field to `value`, based on `baseRev` (not said when undefined). */
  update(api: NotebookApi, id: string, value: string, baseRev?: string | null): Promise<ApiResponse<{ rev?: string | undefined }>>;
  /** What the refusal calls the record. */
  named: RegExp;
}

const KINDS: Kind[] = [
  {
    kind: 'note',
    make: async (api) => (await valueOf(api.createNote({ title: 'Why alliances last', body: 'First thoughts.' }))).id,
    read: async (api, id) => {
      const note = await valueOf(api.getNote({ id }));
      return { value: note.body, rev: note.rev };
    },
    update: (api, id, value, baseRev) => api.updateNote({ id, body: value, ...(baseRev !== undefined ? { baseRev } : {}) }),
    named: /^This note \(“Why alliances last”\) was changed in another window/,
  },
  {
    kind: 'highlight',
    make: async (api, sample) => (await highlightPhrase(api, sample.id, sample.text, 'historic turning point')).id,
    read: async (api, id) => {
      const articleId = (await valueOf(api.listArticles({})))[0]!.id;
      const annotation = (await valueOf(api.listAnnotations({ articleId }))).find((a) => a.id === id)!;
      return { value: annotation.tags, rev: annotation.rev };
    },
    update: (api, id, value, baseRev) => api.updateAnnotation({ id, tags: [value], ...(baseRev !== undefined ? { baseRev } : {}) }),
    named: /^This highlight \(“historic turning point”\) was changed in another window/,
  },
  {
    kind: 'claim',
    make: async (api, sample) => {
      const passage = await highlightPhrase(api, sample.id, sample.text, 'historic turning point');
      return (await valueOf(api.createClaim({ annotationId: passage.id, statement: 'The summit changed the alliance' }))).id;
    },
    read: async (api, id) => {
      const claim = (await valueOf(api.listClaims({}))).find((c) => c.id === id)!;
      return { value: claim.statement, rev: claim.rev };
    },
    update: (api, id, value, baseRev) => api.updateClaim({ id, statement: value, ...(baseRev !== undefined ? { baseRev } : {}) }),
    // Named as it reads now, after the other window’s edit.
    named: /^This claim \(“first-window”\) was changed in another window/,
  },
  {
    kind: 'article',
    make: async (api) => (await valueOf(api.importArticle({ format: 'text', content: 'Harbours shelter ships from storms.', title: 'Harbour notes' }))).id,
    read: async (api, id) => {
      const article = await valueOf(api.getArticle({ id }));
      return { value: article.siteName, rev: article.rev };
    },
    update: (api, id, value, baseRev) => api.updateArticle({ id, siteName: value, ...(baseRev !== undefined ? { baseRev } : {}) }),
    named: /^This article \(“Harbour notes”\) was changed in another window/,
  },
];

describe.each(KINDS)('editing the same $kind in two windows', ({ make, read, update, named }) => {
  async function twoWindows() {
    const opened = await openSampleNotebook();
    const id = await make(opened.api, opened.sample);
    const loaded = await read(opened.api, id);
    expect(loaded.rev).toBeTruthy();
    return { ...opened, id, loaded };
  }

  it('saves the first window’s edit and answers its new revision', async () => {
    const { notebook, api, id, loaded } = await twoWindows();
    const saved = await valueOf(update(api, id, 'first-window', loaded.rev));
    const stored = await read(api, id);
    expect(stored.rev).not.toBe(loaded.rev);
    expect(saved.rev).toBe(stored.rev);
    // Based on what the first save answered, the next edit is not stale.
    await valueOf(update(api, id, 'first-window-again', saved.rev));
    await notebook.close();
  });

  it('refuses the second window’s edit based on the old revision, naming the record, and writes nothing', async () => {
    const { notebook, api, id, loaded, dir } = await twoWindows();
    await valueOf(update(api, id, 'first-window', loaded.rev));
    const afterFirst = await read(api, id);
    const history = await valueOf(api.getHistory({}));
    await notebook.flush();
    const before = await fingerprint(dir, savedInBackground);

    const answer = await update(api, id, 'second-window', loaded.rev);

    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('stale');
    expect(answer.error.message).toMatch(named);
    expect(answer.error.message).toMatch(/your change was not saved/);
    await notebook.flush();
    expect(fingerprintChanges(before, await fingerprint(dir, savedInBackground))).toEqual([]);
    expect(await read(api, id)).toEqual(afterFirst);
    expect(await valueOf(api.getHistory({}))).toEqual(history);
    await notebook.close();
  });

  it('accepts a stale edit that would write what is already there, without writing', async () => {
    const { notebook, api, id, loaded, dir } = await twoWindows();
    await valueOf(update(api, id, 'both-windows', loaded.rev));
    const afterFirst = await read(api, id);
    await notebook.flush();
    const before = await fingerprint(dir, savedInBackground);

    const saved = await valueOf(update(api, id, 'both-windows', loaded.rev));

    expect(saved.rev).toBe(afterFirst.rev);
    await notebook.flush();
    expect(fingerprintChanges(before, await fingerprint(dir, savedInBackground))).toEqual([]);
    await notebook.close();
  });

  it('still saves an edit that names no base (last writer wins, as before)', async () => {
    const { notebook, api, id, loaded } = await twoWindows();
    await valueOf(update(api, id, 'first-window', loaded.rev));
    await valueOf(update(api, id, 'command-line'));
    expect(JSON.stringify((await read(api, id)).value)).toContain('command-line');
    await notebook.close();
  });

  it('refuses an edit based on “no revision” once the record has one', async () => {
    const { notebook, api, id } = await twoWindows();
    const answer = await update(api, id, 'second-window', null);
    expect(answer.ok ? 'saved' : answer.error.code).toBe('stale');
    await notebook.close();
  });
});

describe('the base revision at the boundary', () => {
  it.each([
    ['not a revision id', 'yesterday'],
    ['a number', 42],
    ['an object', { rev: 'x' }],
  ])('refuses %s as invalid', async (_what, baseRev) => {
    const { notebook, api } = await openSampleNotebook();
    const note = await valueOf(api.createNote({ title: 'Why' }));
    const answer = await api.updateNote({ id: note.id, body: 'text', baseRev } as never);
    expect(answer.ok ? 'saved' : answer.error.code).toBe('invalid_argument');
    expect(answer.ok ? '' : answer.error.message).toMatch(/baseRev/);
    await notebook.close();
  });
});
