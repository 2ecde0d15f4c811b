/** Notebooks in temporary folders that a test changes from outside, as a sync service would. */
import { cp, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NotebookApi } from '../../../common/api';
import { inProcessApi, valueOf } from '../../../test-support/in-process-api';
import { tempDir } from '../../../test-support/temp-dir';
import { ARTICLE_TEXT, targetOf } from '../../exchange/test-support/exchange-support';
import { openNotebook, type OpenNotebook } from '../../open-notebook';

export interface Opened {
  dir: string;
  notebook: OpenNotebook;
  api: NotebookApi;
}

/** Opens the notebook in `dir` on a clock that starts at `start` and moves a second per reading. */
export async function openAt(dir: string, start: string): Promise<Opened> {
  let clock = Date.parse(start);
  const notebook = await openNotebook(dir, { sample: false, persistSearch: false, now: () => new Date((clock += 1000)) });
  return { dir, notebook, api: inProcessApi(notebook.handlers) };
}

/**
 * Resolves with `probe`'s answer once it stops throwing; fails with its last error after
 * `timeoutMs`. The watcher works in the background, so tests wait for the state, not a time.
 */
export async function waitFor<T>(probe: () => Promise<T> | T, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Writes a file the way sync services do: to a temporary name beside it, then renamed over it. */
export async function writeAsSyncService(path: string, text: string): Promise<void> {
  const temp = join(path, '..', `.sync-tmp-${Math.random().toString(36).slice(2)}`);
  await writeFile(temp, text);
  await rename(temp, path);
}

export const readJson = async (path: string): Promise<Record<string, unknown>> => JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;

/** The records both colleagues start from: an article with a highlight, a claim on it and a note. */
export interface SharedRecords {
  articleId: string;
  annotationId: string;
  claimId: string;
  noteId: string;
}

/**
 * Ana's notebook, and Ben's copy of it from before either edited: then each edits the highlight's
 * comment, the claim's statement and the note's body, Ben an hour after Ana — what two machines
 * do while their sync service is offline. Both notebooks are closed again.
 */
export async function divergedNotebooks(): Promise<{ ana: string; ben: string; ids: SharedRecords }> {
  const ana = await tempDir('ana');
  const start = await openAt(ana, '2026-12-01T08:00:00Z');
  const article = await valueOf(start.api.importArticle({ format: 'text', content: ARTICLE_TEXT, title: 'On alliances' }));
  const annotation = await valueOf(start.api.createAnnotation({ articleId: article.id, target: await targetOf(start.api, article.id, 'Trust grows'), comment: 'Shared start' }));
  const claim = await valueOf(start.api.createClaim({ annotationId: annotation.id, statement: 'Trust comes from work' }));
  const note = await valueOf(start.api.createNote({ title: 'Reading notes', body: 'Where we started.' }));
  await start.notebook.close();
  const ben = await tempDir('ben');
  await cp(ana, ben, { recursive: true });

  for (const [dir, who, at] of [
    [ana, 'Ana', '2026-12-01T09:00:00Z'],
    [ben, 'Ben', '2026-12-01T10:00:00Z'],
  ] as const) {
    const { notebook, api } = await openAt(dir, at);
    await valueOf(api.updateAnnotation({ id: annotation.id, comment: `${who}: trust is earned` }));
    await valueOf(api.updateClaim({ id: claim.id, statement: `${who} says trust comes from shared work` }));
    await valueOf(api.updateNote({ id: note.id, body: `${who} read it twice.` }));
    await notebook.close();
  }
  return { ana, ben, ids: { articleId: article.id, annotationId: annotation.id, claimId: claim.id, noteId: note.id } };
}

/** Where each record's file is, relative to the notebook folder. */
export const recordPaths = (ids: SharedRecords) => ({
  article: `articles/${ids.articleId}.json`,
  claim: `claims/${ids.claimId}.json`,
  note: `notes/${ids.noteId}.json`,
});
