/**
 * A notebook folder that may not be written — on a read-only disk, or without write permission —
 * opens read-only: everything in it can be read, searched and exported, the window is told in
 * words, and every write is refused with those words and changes nothing.
 *
 * The failures are injected at the file layer (as disk-refusals.test.ts does): these tests run as
 * root, whom chmod does not stop, and mounting a read-only file system needs privileges CI lacks.
 * Every call that would change the folder — opening a file to write or append, creating a file
 * or folder, renaming, linking, removing — is refused for paths inside the folder.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fingerprint, fingerprintChanges } from '../../test-support/folder-fingerprint';
import { inProcessApi, valueOf } from '../../test-support/in-process-api';
import { highlightPhrase } from '../../test-support/sample-notebook';
import { tempDir } from '../../test-support/temp-dir';
import { openNotebook } from '../open-notebook';
import { runCli } from '../../cli/run-export';

import type * as FsPromises from 'node:fs/promises';

const disk = vi.hoisted(() => ({ readOnly: undefined as { dir: string; code: string; accessTells: boolean } | undefined, attempts: [] as string[] }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof FsPromises>();
  const inside = (path: unknown) => {
    const dir = disk.readOnly?.dir;
    return dir !== undefined && (String(path) === dir || String(path).startsWith(dir + sep));
  };
  const refuse = (call: string, path: unknown) => {
    disk.attempts.push(`${call} ${String(path)}`);
    const code = disk.readOnly?.code ?? 'EROFS';
    return Promise.reject(Object.assign(new Error(`${code}: refused, ${call} '${String(path)}'`), { code, syscall: call, path: String(path) }));
  };
  const guard =
    <A extends unknown[], R>(call: string, real: (...args: A) => Promise<R>, writes: (...args: A) => boolean = () => true) =>
    (...args: A): Promise<R> =>
      inside(args[0]) && writes(...args) ? (refuse(call, args[0]) as Promise<R>) : real(...args);
  // A read-only disk or a folder without write permission says so when asked (access W_OK); a
  // network share may say yes and refuse the write.
  const access: typeof fs.access = (path, mode) =>
    disk.readOnly?.accessTells && inside(path) && mode !== undefined && (mode & fs.constants.W_OK) !== 0
      ? Promise.reject(Object.assign(new Error(`${disk.readOnly.code}: access '${String(path)}'`), { code: disk.readOnly.code }))
      : fs.access(path, mode);
  return {
    ...fs,
    access,
    open: guard('open', fs.open, (_path, flags) => typeof flags === 'string' && /[wa+]/.test(flags)),
    writeFile: guard('open', fs.writeFile),
    appendFile: guard('open', fs.appendFile),
    mkdir: guard('mkdir', fs.mkdir),
    rename: guard('rename', fs.rename),
    link: guard('link', fs.link),
    unlink: guard('unlink', fs.unlink),
    rm: guard('rm', fs.rm),
    rmdir: guard('rmdir', fs.rmdir),
    copyFile: guard('copyfile', fs.copyFile),
    utimes: guard('utime', fs.utimes),
    chmod: guard('chmod', fs.chmod),
  };
});

const TEXT = 'Trust grows from shared work. Records outlast the people who kept them.';
const READ_ONLY_WORDS = /^This notebook’s folder is read-only/;

/** A notebook with an article, a highlight, a claim and a note, closed. */
async function writtenNotebook() {
  const dir = await tempDir();
  const notebook = await openNotebook(dir, { sample: false });
  const api = inProcessApi(notebook.handlers);
  const article = await valueOf(api.importArticle({ format: 'text', content: TEXT, title: 'Trust' }));
  const highlight = await highlightPhrase(api, article.id, TEXT, 'shared work');
  const claim = await valueOf(api.createClaim({ annotationId: highlight.id, statement: 'Work builds trust' }));
  const note = await valueOf(api.createNote({ title: 'Reading list', body: 'Start with the records.' }));
  await notebook.searchIdle();
  await notebook.close();
  return { dir, article, highlight, claim, note };
}

const CASES = [
  { code: 'EROFS', accessTells: true, tried: 0 },
  { code: 'EACCES', accessTells: true, tried: 0 },
  // Only the lock, the first write, finds out.
  { code: 'EACCES', accessTells: false, tried: 1 },
];

describe.each(CASES)('a notebook folder refusing writes with $code (access tells: $accessTells)', ({ code, accessTells, tried }) => {
  it('opens read-only: everything reads, the window is told in words, every write is refused and nothing changes', async () => {
    const { dir, article, highlight, claim, note } = await writtenNotebook();
    const before = await fingerprint(dir);
    disk.readOnly = { dir, code, accessTells };
    disk.attempts = [];
    try {
      const notebook = await openNotebook(dir);
      const api = inProcessApi(notebook.handlers);
      await notebook.caughtUp();

      const status = await valueOf(api.getNotebookStatus({}));
      expect(status.readOnly).toMatch(READ_ONLY_WORDS);
      expect(status.readOnly).toContain(dir);
      expect(status.readOnly).toMatch(/copy the folder somewhere you can write/);

      // Reading: the library, the reader, claims, notes, search, export.
      expect((await valueOf(api.listArticles({}))).map((a) => a.title)).toEqual(['Trust']);
      expect((await valueOf(api.getArticle({ id: article.id }))).text).toContain('outlast');
      expect((await valueOf(api.listAnnotations({ articleId: article.id }))).map((a) => a.id)).toEqual([highlight.id]);
      expect((await valueOf(api.listClaims({}))).map((c) => c.statement)).toEqual(['Work builds trust']);
      expect((await valueOf(api.getNote({ id: note.id }))).body).toBe('Start with the records.');
      await notebook.searchIdle();
      const found = await valueOf(api.search({ query: 'outlast' }));
      expect(found.results.map((hit) => hit.id)).toContain(article.id);
      const exported = await valueOf(api.exportReport({ format: 'md' }));
      expect(exported.fileName).toMatch(/\.md$/);

      // Writing: each kind of change is refused in the same words, before anything is written.
      const refusals = await Promise.all([
        api.updateClaim({ id: claim.id, statement: 'Never saved' }),
        api.updateNote({ id: note.id, body: 'Never saved' }),
        api.createNote({ title: 'New', body: '' }),
        api.importArticle({ format: 'text', content: 'Another text entirely.', title: 'Other' }),
        api.deleteArticle({ id: article.id }),
        api.updateLegend({ color: 'yellow', meaning: 'Never saved' }),
        api.undo({}),
      ]);
      for (const refused of refusals) expect(refused).toEqual({ ok: false, error: { code: 'storage', message: expect.stringMatching(READ_ONLY_WORDS) } });
      expect((await valueOf(api.listClaims({}))).map((c) => c.statement)).toEqual(['Work builds trust']);
      await notebook.close();
      expect(fingerprintChanges(before, await fingerprint(dir))).toEqual([]);
      // Read-only from the start: nothing tried to write but the lock, when asking did not tell (no sweep, no index, no stamps).
      expect(disk.attempts).toHaveLength(tried);
    } finally {
      disk.readOnly = undefined;
    }

    // Writable again, it opens as before and nothing was lost.
    const notebook = await openNotebook(dir);
    const api = inProcessApi(notebook.handlers);
    expect((await valueOf(api.getNotebookStatus({}))).readOnly).toBeUndefined();
    expect((await valueOf(api.updateClaim({ id: claim.id, statement: 'Saved now' }))).statement).toBe('Saved now');
    expect(JSON.parse(await readFile(join(dir, `claims/${claim.id}.json`), 'utf8')).record.statement).toBe('Saved now');
    await notebook.close();
  });
});

describe('the command line on a read-only notebook folder', () => {
  it('exports it, and refuses an import in the same words, writing nothing', async () => {
    const { dir } = await writtenNotebook();
    const bundle = join(await tempDir('cli-out'), 'other.marginalia.json');
    await writeFile(bundle, JSON.stringify({ format: 'marginalia-bundle' }));
    const before = await fingerprint(dir);
    disk.readOnly = { dir, code: 'EROFS', accessTells: true };
    try {
      const cli = async (...argv: string[]) => {
        let stdout = '';
        let stderr = '';
        const status = await runCli(argv, { stdout: (text) => (stdout += String(text)), stderr: (text) => (stderr += text) });
        return { status, stdout, stderr };
      };
      const exported = await cli('export', '--notebook', dir, '--format', 'md');
      expect(exported).toMatchObject({ status: 0 });
      expect(exported.stdout).toContain('Trust');
      const imported = await cli('import', '--notebook', dir, bundle);
      expect(imported.status).toBe(1);
      expect(imported.stderr).toMatch(/^marginalia: This notebook’s folder is read-only: it is on a disk that is read-only, .* copy the folder somewhere you can write.* Nothing was imported\.\n$/);
      expect(fingerprintChanges(before, await fingerprint(dir))).toEqual([]);
    } finally {
      disk.readOnly = undefined;
    }
  });
});
