import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-dir';
import { lockFolder, lockHolderElsewhere, parseLockOwner, type LockOwner } from './folder-lock';

/** A pid no process has (Linux caps pids far below it). */
const GONE = 999_999_999;
const lockOf = (dir: string) => join(dir, 'notebook.lock');

describe('the text of a folder lock', () => {
  const table: [text: string, owner: LockOwner | null][] = [
    ['{"pid":4242,"host":"ana-laptop","since":"2026-12-01T09:00:00.000Z"}', { pid: 4242, host: 'ana-laptop', since: '2026-12-01T09:00:00.000Z' }],
    ['{"pid":4242,"host":"ana-laptop"}', { pid: 4242, host: 'ana-laptop' }],
    ['4242', { pid: 4242 }],
    ['4242\n', { pid: 4242 }],
    ['{"pid":4242,"host":""}', { pid: 4242 }],
    ['', null],
    ['0', null],
    ['-3', null],
    ['{"pid":"4242"}', null],
    ['{"host":"ana-laptop"}', null],
    ['{"pid":4242.5}', null],
    ['[4242]', null],
    ['null', null],
    ['{"pid":42', null],
  ];
  it.each(table)('%j reads as %j', (text, owner) => {
    expect(parseLockOwner(text)).toEqual(owner);
  });
});

describe('locking a notebook folder', () => {
  it('names this machine and this process, and removes the lock on release', async () => {
    const dir = await tempDir('lock');
    const lock = await lockFolder(dir);
    expect(parseLockOwner(await readFile(lockOf(dir), 'utf8'))).toEqual({ pid: process.pid, host: hostname(), since: expect.any(String) });
    await lock.release();
    await expect(readFile(lockOf(dir), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.each([
    ['this machine’s lock', () => JSON.stringify({ pid: process.pid, host: hostname(), since: '2026-12-01T09:00:00.000Z' })],
    ['a lock from before locks named the machine', () => String(process.pid)],
  ])('refuses while a live process holds %s', async (_label, text) => {
    const dir = await tempDir('lock');
    await writeFile(lockOf(dir), text());
    await expect(lockFolder(dir)).rejects.toThrow(/already open in another Marginalia \(process \d+\)/);
    expect(await lockHolderElsewhere(dir)).toBeNull();
  });

  it.each([
    ['this machine', () => JSON.stringify({ pid: GONE, host: hostname() })],
    ['before locks named the machine', () => String(GONE)],
    ['nobody readable', () => 'not a lock'],
  ])('takes over the lock of a process that is gone (%s)', async (_label, text) => {
    const dir = await tempDir('lock');
    await writeFile(lockOf(dir), text());
    await (await lockFolder(dir)).release();
  });

  it('takes over another machine’s lock, which it reports, and releases only a lock that still names it', async () => {
    const dir = await tempDir('lock');
    const bens = JSON.stringify({ pid: process.pid, host: 'bens-laptop', since: '2026-12-01T09:00:00.000Z' });
    await writeFile(lockOf(dir), bens);
    expect(await lockHolderElsewhere(dir)).toEqual({ pid: process.pid, host: 'bens-laptop', since: '2026-12-01T09:00:00.000Z' });

    const lock = await lockFolder(dir);
    expect(parseLockOwner(await readFile(lockOf(dir), 'utf8'))?.host).toBe(hostname());
    // Ben's machine takes it back through the sync service while the notebook is open here.
    await writeFile(lockOf(dir), bens);
    await lock.release();
    expect(await readFile(lockOf(dir), 'utf8')).toBe(bens);
  });
});
