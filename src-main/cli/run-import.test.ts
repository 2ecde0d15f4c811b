/**
 * `marginalia import` on real notebook folders: a bundle exported with `marginalia export`
 * merges into another notebook and the summary is printed; while the notebook is open in an
 * app (the folder lock) nothing is written and the message says what to do; an unreadable file
 * says why; bad arguments exit 2.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openNotebook } from '../services/open-notebook';
import { inProcessApi, valueOf } from '../test-support/in-process-api';
import { tempDir } from '../test-support/temp-dir';
import { ARTICLE_TEXT, colleague, folderBytes, recordsOf, targetOf } from '../services/exchange/test-support/exchange-support';
import { runCli } from './run-export';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, { stdout: (text) => (stdout += typeof text === 'string' ? text : Buffer.from(text).toString('utf8')), stderr: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

/** A closed notebook folder with one article and a commented highlight. */
async function anasFolder() {
  const ana = await colleague('ana');
  const article = await valueOf(ana.api.importArticle({ format: 'text', content: ARTICLE_TEXT, title: 'On alliances' }));
  await valueOf(ana.api.createAnnotation({ articleId: article.id, target: await targetOf(ana.api, article.id, 'Trust grows'), comment: 'Core' }));
  await ana.notebook.close();
  return ana.dir;
}

describe('marginalia import', () => {
  it('merges a bundle made by marginalia export, prints what it did, and changes nothing the second time', async () => {
    const out = join(await tempDir('cli-out'), 'ana.marginalia.json');
    expect((await cli('export', '--notebook', await anasFolder(), '--format', 'bundle', '--out', out)).status).toBe(0);
    const benDir = await tempDir('ben');

    const first = await cli('import', '--notebook', benDir, out);
    expect(first).toMatchObject({ status: 0, stderr: '' });
    expect(first.stdout).toMatch(/^ana\.marginalia\.json \(the bundle from “marginalia-ana-\w+” of \d{4}-\d\d-\d\d\): 2 added, 0 updated, 0 unchanged\.\n$/);
    const second = await cli('import', '--notebook', benDir, out);
    expect(second.stdout).toMatch(/0 added, 0 updated, 2 unchanged\./);

    const notebook = await openNotebook(benDir, { sample: false, persistSearch: false });
    const api = inProcessApi(notebook.handlers);
    expect((await recordsOf(api)).annotations.map((a) => a.comment)).toEqual(['Core']);
    await notebook.close();
  });

  it('refuses while the app has the notebook open, and writes nothing', async () => {
    const out = join(await tempDir('cli-out'), 'ana.marginalia.json');
    await cli('export', '--notebook', await anasFolder(), '--format', 'bundle', '--out', out);
    const ben = await colleague('ben');
    await ben.notebook.flush();
    const before = await folderBytes(ben.dir);
    const answer = await cli('import', '--notebook', ben.dir, out);
    expect(answer.status).toBe(1);
    expect(answer.stderr).toMatch(/already open in another Marginalia .* Close it there first, or import from the app .* Nothing was imported\./);
    expect(await folderBytes(ben.dir)).toEqual(before);
    await ben.notebook.close();
  });

  it('says why a file cannot be imported, and exits 1', async () => {
    const bad = join(await tempDir('cli-out'), 'broken.json');
    await writeFile(bad, '{"format": "marginalia-bundle", "version": 1');
    const answer = await cli('import', '--notebook', await tempDir('ben'), bad);
    expect(answer.status).toBe(1);
    expect(answer.stderr).toMatch(/^marginalia: broken\.json: This file is not valid JSON/);
    const missing = await cli('import', '--notebook', await tempDir('ben'), '/no/such/file.json');
    expect(missing).toMatchObject({ status: 1, stderr: 'marginalia: could not read /no/such/file.json: there is no such file.\n' });
  });

  it.each([
    [['import', 'file.json'], /--notebook DIR is required/],
    [['import', '--notebook', '/tmp'], /Name at least one file/],
    [['import', '--notebook', '/tmp', '--tag', 'x', 'f'], /Unknown option "--tag"/],
    [['merge'], /the commands are export, import, share, join and sync/],
  ])('refuses %j with exit 2 and the usage', async (argv, message) => {
    const answer = await cli(...argv);
    expect(answer.status).toBe(2);
    expect(answer.stderr).toMatch(message);
    expect(answer.stderr).toMatch(/marginalia import --notebook DIR FILE\.\.\./);
  });
});
