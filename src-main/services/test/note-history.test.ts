/**
 * Undo history of note edits, as stored since it keeps only what changed: undo and redo give
 * back the exact texts after a reopen, and an autosave adds a line the size of the edit.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inProcessApi, valueOf } from '../../test-support/in-process-api';
import { tempDir } from '../../test-support/temp-dir';
import { HISTORY_LOG } from '../../store/history-log';
import { openNotebook } from '../open-notebook';

const paragraph = 'Her argument rests on two surveys; the second, smaller one was never replicated. ';
const draftText = (n: number) => `${paragraph.repeat(250)}Draft ${n}: ${'the point still stands. '.repeat(n % 3)}\n\n${paragraph.repeat(3)}`;

/** Which draft a body is, so a failure prints a number and not 20 KB. */
const draftOf = (body: string) => Array.from({ length: 30 }, (_, n) => n).find((n) => draftText(n) === body) ?? 'another text';

async function open(dir: string) {
  const notebook = await openNotebook(dir, { sample: false, persistSearch: false });
  return { notebook, api: inProcessApi(notebook.handlers) };
}

describe('undo of note edits', () => {
  it('stores each autosave of a 20 KB note in proportion to the edit, and undo and redo restore the exact texts after a reopen', async () => {
    const dir = await tempDir();
    let { notebook, api } = await open(dir);
    const note = await valueOf(api.createNote({ title: 'Surveys', body: draftText(0) }));
    await valueOf(api.updateNote({ id: note.id, body: draftText(1) }));
    await notebook.flush();
    const before = (await stat(join(dir, HISTORY_LOG))).size;
    for (let n = 2; n <= 21; n++) await valueOf(api.updateNote({ id: note.id, body: draftText(n) }));
    await notebook.flush();
    expect(((await stat(join(dir, HISTORY_LOG))).size - before) / 20).toBeLessThan(2_000);
    await notebook.close();

    ({ notebook, api } = await open(dir));
    for (let n = 20; n >= 0; n--) {
      await valueOf(api.undo({}));
      expect(draftOf((await valueOf(api.getNote({ id: note.id }))).body)).toBe(n);
    }
    await valueOf(api.redo({}));
    await valueOf(api.redo({}));
    await notebook.close();

    ({ notebook, api } = await open(dir));
    expect(draftOf((await valueOf(api.getNote({ id: note.id }))).body)).toBe(2);
    await valueOf(api.redo({}));
    expect(draftOf((await valueOf(api.getNote({ id: note.id }))).body)).toBe(3);
    await valueOf(api.undo({}));
    await valueOf(api.undo({}));
    expect(draftOf((await valueOf(api.getNote({ id: note.id }))).body)).toBe(1);
    await notebook.close();
  });
});
