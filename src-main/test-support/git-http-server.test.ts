/**
 * The test git server speaks real smart HTTP: the system git and isomorphic-git clone, push
 * and fetch through it. These tests also pin down what isomorphic-git reports when a remote
 * refuses credentials, cannot be reached or rejects a push, which team sync must recognise.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import git, { Errors } from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { afterEach, describe, expect, it } from 'vitest';
import { startGitHttpServer, type GitHttpServer, type GitHttpServerOptions } from './git-http-server';
import { tempDir } from './temp-dir';

const run = promisify(execFile);
const author = { name: 't', email: 't@e' };
const servers: GitHttpServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(options?: GitHttpServerOptions): Promise<GitHttpServer> {
  const server = await startGitHttpServer(options);
  servers.push(server);
  return server;
}

/**
 * The system git with no machine or user config. Always asynchronous: the server runs in this
 * process, so a synchronous call would wait forever for it.
 */
async function systemGit(cwd: string, ...args: string[]): Promise<string> {
  const config = ['-c', 'user.name=t', '-c', 'user.email=t@e', '-c', 'init.defaultBranch=main'];
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0' };
  const { stdout } = await run('git', [...config, ...args], { cwd, env });
  return stdout.trim();
}

function login(password: string) {
  return () => ({ username: 'alice', password });
}

async function commitFile(dir: string, filepath: string, text: string): Promise<string> {
  await writeFile(join(dir, filepath), text);
  await git.add({ fs, dir, filepath });
  return git.commit({ fs, dir, message: `write ${filepath}`, author });
}

async function cloneOf(url: string, onAuth?: ReturnType<typeof login>): Promise<string> {
  const dir = await tempDir('clone');
  await git.clone({ fs, http, dir, url, onAuth });
  return dir;
}

/**
 * A remote whose main has one commit. isomorphic-git clones an empty repository onto `master`
 * whatever `ref` says, so a first push starts from `init` + `addRemote` instead.
 */
async function seededRemote(server: GitHttpServer, onAuth?: ReturnType<typeof login>): Promise<string> {
  const url = await server.createBare('notebook.git');
  const dir = await tempDir('seed');
  await git.init({ fs, dir, defaultBranch: 'main' });
  await git.addRemote({ fs, dir, remote: 'origin', url });
  await commitFile(dir, 'README.md', 'notebook');
  await git.push({ fs, http, dir, remote: 'origin', ref: 'main', onAuth });
  return url;
}

describe('the system git against the test server', () => {
  it('clones an empty repository, pushes a commit in a chunked request, and a second clone sees it', async () => {
    const server = await start();
    const url = await server.createBare('notebook.git');
    const first = await tempDir('first');
    await systemGit(first, 'clone', '--quiet', url, '.');
    // Past http.postBuffer git streams the pack with Transfer-Encoding: chunked (no Content-Length).
    const big = randomBytes(200_000).toString('base64');
    await writeFile(join(first, 'big.txt'), big);
    await systemGit(first, 'add', 'big.txt');
    await systemGit(first, 'commit', '--quiet', '-m', 'Add a big file');
    await systemGit(first, '-c', 'http.postBuffer=65536', 'push', '--quiet', 'origin', 'main');

    expect(server.pushes).toBe(1);
    const head = await systemGit(first, 'rev-parse', 'HEAD');
    expect(await systemGit(first, '--git-dir', server.pathOf('notebook.git'), 'rev-parse', 'main')).toBe(head);
    const second = await tempDir('second');
    await systemGit(second, 'clone', '--quiet', url, '.');
    expect(await systemGit(second, 'log', '--format=%s')).toBe('Add a big file');
    expect(await readFile(join(second, 'big.txt'), 'utf8')).toBe(big);
  });
});

describe('isomorphic-git against the test server', () => {
  it('pushes to an empty repository, and another clone fetches what follows', async () => {
    const server = await start();
    const url = await server.createBare('notebook.git');
    const mine = await tempDir('mine');
    await git.init({ fs, dir: mine, defaultBranch: 'main' });
    await git.addRemote({ fs, dir: mine, remote: 'origin', url });
    await commitFile(mine, 'a.md', 'first');

    const result = await git.push({ fs, http, dir: mine, remote: 'origin', ref: 'main' });
    expect(result).toMatchObject({ ok: true, refs: { 'refs/heads/main': { ok: true, error: '' } } });

    const theirs = await cloneOf(url);
    expect(await git.currentBranch({ fs, dir: theirs })).toBe('main');
    const second = await commitFile(mine, 'b.md', 'second');
    await git.push({ fs, http, dir: mine });
    const fetched = await git.fetch({ fs, http, dir: theirs });
    expect(fetched.fetchHead).toBe(second);
    expect(await git.resolveRef({ fs, dir: theirs, ref: 'refs/remotes/origin/main' })).toBe(second);
    expect(await systemGit(mine, '--git-dir', server.pathOf('notebook.git'), 'rev-parse', 'main')).toBe(second);
  });

  it('works with the right token, and fails with HttpError 401 on a wrong or missing one', async () => {
    const server = await start({ username: 'alice', token: 's3cret' });
    const url = await seededRemote(server, login('s3cret'));
    const mine = await cloneOf(url, login('s3cret'));
    await commitFile(mine, 'a.md', 'mine');
    await expect(git.push({ fs, http, dir: mine, onAuth: login('s3cret') })).resolves.toMatchObject({ ok: true });

    // Shape: HttpError { code: 'HttpError', data: { statusCode: 401, statusMessage: 'Unauthorized', response: <body> } }.
    const unauthorized = { code: 'HttpError', data: { statusCode: 401, statusMessage: 'Unauthorized' } };
    const wrong = git.push({ fs, http, dir: mine, onAuth: login('wrong') });
    await expect(wrong).rejects.toBeInstanceOf(Errors.HttpError);
    await expect(wrong).rejects.toMatchObject(unauthorized);
    await expect(git.fetch({ fs, http, dir: mine })).rejects.toMatchObject(unauthorized);
    // With an onAuthFailure that gives up, the error is UserCanceledError instead.
    const cancel = git.fetch({ fs, http, dir: mine, onAuth: login('wrong'), onAuthFailure: () => ({ cancel: true }) });
    await expect(cancel).rejects.toMatchObject({ code: 'UserCanceledError' });

    const challenge = await fetch(`${url}/info/refs?service=git-upload-pack`);
    expect(challenge.status).toBe(401);
    expect(challenge.headers.get('www-authenticate')).toBe('Basic realm="test"');
    const withCredentials = url.replace('http://', 'http://alice:s3cret@');
    expect(await systemGit(mine, 'ls-remote', withCredentials, 'main')).toMatch(/refs\/heads\/main$/);
    expect(server.pushes).toBe(2);
  });

  it('fails with a plain network error while offline, and works again once online', async () => {
    const server = await start();
    const url = await seededRemote(server);
    const mine = await cloneOf(url);
    await commitFile(mine, 'a.md', 'offline work');

    server.offline();
    // Shape: a Node Error (not an isomorphic-git one): code 'ECONNRESET', message 'socket hang up'.
    await expect(git.fetch({ fs, http, dir: mine })).rejects.toMatchObject({ code: 'ECONNRESET' });
    await expect(git.push({ fs, http, dir: mine })).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(server.pushes).toBe(1);

    server.online();
    await expect(git.fetch({ fs, http, dir: mine })).resolves.toMatchObject({ defaultBranch: 'refs/heads/main' });
    await expect(git.push({ fs, http, dir: mine })).resolves.toMatchObject({ ok: true });
    expect(server.pushes).toBe(2);
  });

  it('fails with ECONNREFUSED once the server is gone', async () => {
    const server = await startGitHttpServer();
    const url = await seededRemote(server);
    const mine = await cloneOf(url);
    await server.close();
    // Shape: a Node Error: code 'ECONNREFUSED', errno -111, syscall 'connect'.
    await expect(git.fetch({ fs, http, dir: mine })).rejects.toMatchObject({ code: 'ECONNREFUSED', syscall: 'connect' });
  });
});

describe('a push that would drop a commit pushed meanwhile', () => {
  it('is refused by isomorphic-git itself when it sees the remote has moved, and succeeds after a merge', async () => {
    const server = await start();
    const url = await seededRemote(server);
    const mine = await cloneOf(url);
    const theirs = await cloneOf(url);
    await commitFile(theirs, 'theirs.md', 'theirs');
    await git.push({ fs, http, dir: theirs });
    await commitFile(mine, 'mine.md', 'mine');

    // Shape: PushRejectedError { code: 'PushRejectedError', data: { reason: 'not-fast-forward' } },
    // thrown before any pack is sent (the refs advertisement shows a commit we do not descend from).
    const pushed = server.pushes;
    const rejected = git.push({ fs, http, dir: mine });
    await expect(rejected).rejects.toBeInstanceOf(Errors.PushRejectedError);
    await expect(rejected).rejects.toMatchObject({ code: 'PushRejectedError', data: { reason: 'not-fast-forward' } });
    expect(server.pushes).toBe(pushed);

    await git.fetch({ fs, http, dir: mine });
    await git.merge({ fs, dir: mine, ours: 'main', theirs: 'origin/main', author });
    await expect(git.push({ fs, http, dir: mine })).resolves.toMatchObject({ ok: true });
  });

  it('is refused by the server when another push lands between reading the refs and sending the pack', async () => {
    const server = await start();
    const url = await seededRemote(server);
    const mine = await cloneOf(url);
    const theirs = await cloneOf(url);
    await commitFile(theirs, 'theirs.md', 'theirs');
    const mineBefore = await commitFile(mine, 'mine.md', 'mine');
    server.beforeNextPush(async () => {
      await git.push({ fs, http, dir: theirs });
    });

    // Shape: GitPushError { code: 'GitPushError', data: { prettyDetails, result } } where
    // result = { ok: true (the pack unpacked), refs: { 'refs/heads/main': { ok: false, error: 'failed to update ref' } } }.
    const pushed = server.pushes;
    const lost = git.push({ fs, http, dir: mine });
    await expect(lost).rejects.toBeInstanceOf(Errors.GitPushError);
    await expect(lost).rejects.toMatchObject({
      code: 'GitPushError',
      data: { result: { ok: true, refs: { 'refs/heads/main': { ok: false, error: 'failed to update ref' } } } },
    });
    expect(server.pushes).toBe(pushed + 2);
    expect(await systemGit(mine, '--git-dir', server.pathOf('notebook.git'), 'rev-parse', 'main')).not.toBe(mineBefore);
    // The local copy of the remote branch was not advanced.
    expect(await git.resolveRef({ fs, dir: mine, ref: 'refs/remotes/origin/main' })).not.toBe(mineBefore);

    await git.fetch({ fs, http, dir: mine });
    await git.merge({ fs, dir: mine, ours: 'main', theirs: 'origin/main', author });
    await expect(git.push({ fs, http, dir: mine })).resolves.toMatchObject({ ok: true });
    expect(server.pushes).toBe(pushed + 3);
  });
});
