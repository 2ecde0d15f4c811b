/**
 * `marginalia share|join|sync` against a real git server on 127.0.0.1: a notebook is shared,
 * a colleague joins it into a new folder, an edit travels, and each command prints what it did.
 * Failures exit 1 with what to do; bad arguments exit 2; the token comes from the environment.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNotebook } from '../services/open-notebook';
import { startGitHttpServer, type GitHttpServer } from '../test-support/git-http-server';
import { inProcessApi, valueOf } from '../test-support/in-process-api';
import { tempDir } from '../test-support/temp-dir';
import { runCli } from './run-export';

let server: GitHttpServer;
beforeAll(async () => {
  server = await startGitHttpServer({ username: 'ada', token: 'team-token' });
});
afterAll(async () => {
  await server.close();
});

async function cli(env: Record<string, string>, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const saved = { ...process.env };
  Object.assign(process.env, { MARGINALIA_CREDENTIALS: join(await tempDir('cli-credentials'), 'credentials.json') }, env);
  try {
    const status = await runCli(argv, { stdout: (text) => (stdout += typeof text === 'string' ? text : Buffer.from(text).toString('utf8')), stderr: (text) => (stderr += text) });
    return { status, stdout, stderr };
  } finally {
    process.env = saved;
  }
}

const TOKEN = { MARGINALIA_GIT_TOKEN: 'team-token', MARGINALIA_GIT_USER: 'ada' };

describe('marginalia share, join and sync', () => {
  it('shares a notebook, joins it elsewhere, and carries an edit across', async () => {
    const remote = await server.createBare('cli-team');
    const adaDir = await tempDir('cli-ada');
    const ada = await openNotebook(adaDir, { sample: false, persistSearch: false });
    const note = await valueOf(inProcessApi(ada.handlers).createNote({ title: 'Field notes', body: 'Kelp forests.' }));
    await ada.close();

    expect(await cli(TOKEN, 'share', '--notebook', adaDir, '--remote', remote, '--name', 'Ada')).toMatchObject({ status: 0, stdout: 'sent 2 changes, received 0.\n', stderr: '' });
    const benDir = join(await tempDir('cli-ben'), 'team');
    expect(await cli(TOKEN, 'join', remote, benDir, '--name', 'Ben')).toMatchObject({ status: 0, stdout: `Joined into ${benDir}: sent 0 changes, received 1.\n` });

    const benNotebook = await openNotebook(benDir, { persistSearch: false });
    const ben = inProcessApi(benNotebook.handlers);
    expect((await valueOf(ben.listNotes({}))).map((meta) => meta.title)).toEqual(['Field notes']);
    // No sample article in a joined notebook: it is the team's.
    expect(await valueOf(ben.listArticles({}))).toEqual([]);
    await valueOf(ben.updateNote({ id: note.id, body: 'Kelp forests, and otters.' }));
    await benNotebook.close();

    expect(await cli(TOKEN, 'sync', '--notebook', benDir)).toMatchObject({ status: 0, stdout: 'sent 1 change, received 0.\n' });
    expect(await cli(TOKEN, 'sync', '--notebook', adaDir)).toMatchObject({ status: 0, stdout: 'sent 0 changes, received 1.\n' });
    const again = await openNotebook(adaDir, { persistSearch: false });
    expect((await valueOf(inProcessApi(again.handlers).getNote({ id: note.id }))).body).toBe('Kelp forests, and otters.');
    await again.close();
  });

  it('says what to do when the token is refused, the folder is not shared, or the app holds it', async () => {
    const remote = await server.createBare('cli-refused');
    const dir = await tempDir('cli-refused');
    const refused = await cli({ MARGINALIA_GIT_TOKEN: 'wrong', MARGINALIA_GIT_USER: 'ada' }, 'share', '--notebook', dir, '--remote', remote);
    expect(refused).toMatchObject({ status: 1, stdout: '' });
    expect(refused.stderr).toMatch(/refused the user name or token \(HTTP 401\)/);

    const plain = await tempDir('cli-plain');
    expect(await cli({}, 'sync', '--notebook', plain)).toMatchObject({ status: 1, stderr: expect.stringMatching(/is not shared yet\. Share it first: marginalia share --notebook/) });

    const open = await openNotebook(dir, { persistSearch: false });
    try {
      const held = await cli(TOKEN, 'sync', '--notebook', dir);
      expect(held.status).toBe(1);
      expect(held.stderr).toMatch(/already open in another Marginalia.*Sync from the app instead/);
    } finally {
      await open.close();
    }

    const full = await tempDir('cli-full');
    await cli(TOKEN, 'share', '--notebook', full, '--remote', remote);
    expect(await cli(TOKEN, 'join', remote, full)).toMatchObject({ status: 1, stderr: expect.stringMatching(/is not empty\. Join into a new folder/) });
  });

  it('leaves no half-made folder when a join cannot reach the remote', async () => {
    const target = join(await tempDir('cli-offline'), 'team');
    const result = await cli(TOKEN, 'join', 'http://127.0.0.1:9/none.git', target);
    expect(result).toMatchObject({ status: 1, stderr: expect.stringMatching(/^marginalia: Offline: could not reach 127\.0\.0\.1:9/) });
    expect(await readdir(join(target, '..'))).toEqual([]);
  });

  it.each([
    [['share', '--remote', 'https://example.org/x.git'], /--notebook DIR is required/],
    [['share', '--notebook', '/tmp'], /--remote URL is required/],
    [['join', 'https://example.org/x.git'], /join takes the remote URL and a new folder/],
    [['sync'], /--notebook DIR is required/],
    [['sync', '--notebook', '/tmp', '--remote', 'x'], /--remote does not go with sync/],
    [['share', '--notebook', '/tmp', '--remote', 'x', '--token', 'secret'], /Unknown option "--token"/],
  ])('refuses %j with exit status 2', async (argv, message) => {
    const result = await cli({}, ...argv);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
