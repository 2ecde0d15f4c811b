/**
 * Writes the disk refuses — it is full, or the folder may not be written — through a failing
 * file system at the atomic-file layer (a tmpfs needs root; this runs everywhere). The person is
 * told in words what to do, and every file as it was saved before is unchanged on disk.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { inProcessApi, valueOf } from '../../test-support/in-process-api';
import { highlightPhrase } from '../../test-support/sample-notebook';
import { tempDir } from '../../test-support/temp-dir';
import { openNotebook } from '../open-notebook';

import type * as FsPromises from 'node:fs/promises';

const disk = vi.hoisted(() => ({ refuses: undefined as string | undefined }));

// Every write opens a file to write or append to (atomic-file.ts, append-log.ts); reads go on.
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof FsPromises>();
  const open: typeof fs.open = (path, flags, ...rest) =>
    disk.refuses && typeof flags === 'string' && /[wa]/.test(flags)
      ? Promise.reject(Object.assign(new Error(`${disk.refuses}: refused, open '${String(path)}'`), { code: disk.refuses }))
      : fs.open(path, flags, ...rest);
  return { ...fs, open };
});

const TEXT = 'Trust grows from shared work.';

const CASES = [
  { code: 'ENOSPC', words: /^The disk is full: free some space, then try again\. Could not save the claim; what was saved before is unchanged\.$/ },
  { code: 'EACCES', words: /^Marginalia may not write to the notebook folder \(permission denied\)/ },
  { code: 'EROFS', words: /^The notebook folder is on a disk that is read-only/ },
];

describe.each(CASES)('a write refused with $code', ({ code, words }) => {
  it('is answered in words, and the claim as saved before is unchanged on disk and after a reopen', async () => {
    const dir = await tempDir();
    let notebook = await openNotebook(dir, { sample: false, persistSearch: false });
    let api = inProcessApi(notebook.handlers);
    const article = await valueOf(api.importArticle({ format: 'text', content: TEXT, title: 'Trust' }));
    const highlight = await highlightPhrase(api, article.id, TEXT, 'shared work');
    const claim = await valueOf(api.createClaim({ annotationId: highlight.id, statement: 'As first saved' }));
    const file = join(dir, `claims/${claim.id}.json`);
    const before = await readFile(file, 'utf8');

    disk.refuses = code;
    const refused = await api.updateClaim({ id: claim.id, statement: 'Never saved' });
    disk.refuses = undefined;

    expect(refused).toEqual({ ok: false, error: { code: 'storage', message: expect.stringMatching(words) } });
    expect(await readFile(file, 'utf8')).toBe(before);
    expect((await valueOf(api.listClaims({}))).map((c) => c.statement)).toEqual(['As first saved']);
    await notebook.close();
    notebook = await openNotebook(dir, { persistSearch: false });
    api = inProcessApi(notebook.handlers);
    expect((await valueOf(api.listClaims({}))).map((c) => c.statement)).toEqual(['As first saved']);
    await notebook.close();
  });
});
