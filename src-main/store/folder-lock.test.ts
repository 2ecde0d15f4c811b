import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-dir';
import { breakPathOf, lockFolder, lockHolderElsewhere, parseLockOwner, type LockOwner } from './folder-lock';
import { ownerState, startTicksFromStat, thisMachine, thisProcessAsOwner, type OwnerState, type ProcessProbe } from './lock-owner';

/** A pid no process has (Linux caps pids far below it). */
const GONE = 999_999_999;
const lockOf = (dir: string) => join(dir, 'notebook.lock');
const machine = thisMachine();
/** Whether this machine says when a process started (Linux): pid reuse can be told apart only then. */
const knowsStartTimes = machine.bootId !== null && machine.startTicks(process.pid) !== null;

describe('the text of a folder lock', () => {
  const table: [text: string, owner: LockOwner | null][] = [
    [
      '{"pid":4242,"host":"ana-laptop","since":"2026-12-01T09:00:00.000Z","boot":"b-1","started":1234,"token":"9f"}',
      { pid: 4242, host: 'ana-laptop', since: '2026-12-01T09:00:00.000Z', boot: 'b-1', started: 1234, token: '9f' },
    ],
    ['{"pid":4242,"host":"ana-laptop","since":"2026-12-01T09:00:00.000Z"}', { pid: 4242, host: 'ana-laptop', since: '2026-12-01T09:00:00.000Z' }],
    ['{"pid":4242,"host":"ana-laptop"}', { pid: 4242, host: 'ana-laptop' }],
    ['4242', { pid: 4242 }],
    ['4242\n', { pid: 4242 }],
    ['{"pid":4242,"host":""}', { pid: 4242 }],
    ['{"pid":4242,"started":-1,"boot":""}', { pid: 4242 }],
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

  it('finds a process’s start time in /proc/<pid>/stat, whatever its command name holds', () => {
    const fields = (name: string) => `77 (${name}) S 1 77 77 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 3186111 3133440 358`;
    expect(startTicksFromStat(fields('node'))).toBe(3186111);
    expect(startTicksFromStat(fields('a) b (c'))).toBe(3186111);
    expect(startTicksFromStat('garbage')).toBeNull();
  });
});

describe('whether a lock’s owner is gone', () => {
  // This boot began at 08:00; process 100 started at 08:10 (60,000 ticks), process 200 is not running.
  const probe: ProcessProbe = {
    host: 'ana-laptop',
    alive: (pid) => pid === 100,
    bootId: 'boot-now',
    bootTimeMs: Date.parse('2026-12-01T08:00:00Z'),
    startTicks: (pid) => (pid === 100 ? 60_000 : null),
  };
  const unknowable: ProcessProbe = { ...probe, bootId: null, bootTimeMs: null, startTicks: () => null };
  const table: [label: string, owner: LockOwner, on: ProcessProbe, state: OwnerState][] = [
    ['its process runs, started when the lock says', { pid: 100, host: 'ana-laptop', boot: 'boot-now', started: 60_000 }, probe, 'held'],
    ['its process is not running', { pid: 200, host: 'ana-laptop', boot: 'boot-now', started: 60_000 }, probe, 'gone'],
    ['its pid is another process’s now (started at another time)', { pid: 100, host: 'ana-laptop', boot: 'boot-now', started: 59_000 }, probe, 'gone'],
    ['it was taken in an earlier boot', { pid: 100, host: 'ana-laptop', boot: 'boot-before', started: 60_000 }, probe, 'gone'],
    ['another machine took it', { pid: 200, host: 'bens-laptop' }, probe, 'elsewhere'],
    ['an older lock, taken after its pid’s process started', { pid: 100, host: 'ana-laptop', since: '2026-12-01T08:30:00Z' }, probe, 'held'],
    ['an older lock, taken before its pid’s process started', { pid: 100, host: 'ana-laptop', since: '2026-12-01T08:05:00Z' }, probe, 'gone'],
    ['an older lock without a host or a time, its pid running', { pid: 100 }, probe, 'held'],
    ['an older lock without a host, its pid not running', { pid: 200 }, probe, 'gone'],
    ['where start times cannot be read, a running pid', { pid: 100, host: 'ana-laptop', boot: 'boot-before', started: 1, since: '2020-01-01T00:00:00Z' }, unknowable, 'held'],
    ['where start times cannot be read, a pid not running', { pid: 200, host: 'ana-laptop' }, unknowable, 'gone'],
  ];
  it.each(table)('%s: %s', (_label, owner, on, state) => {
    expect(ownerState(owner, on)).toBe(state);
  });
});

describe('locking a notebook folder', () => {
  it('names this machine and this process, and removes the lock on release', async () => {
    const dir = await tempDir('lock');
    const lock = await lockFolder(dir);
    const owner = parseLockOwner(await readFile(lockOf(dir), 'utf8'));
    expect(owner).toMatchObject({ pid: process.pid, host: hostname(), since: expect.any(String), token: expect.any(String) });
    if (knowsStartTimes) expect(ownerState(owner!, machine)).toBe('held');
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a second lock while the first is held, naming the lock file and how to clear it', async () => {
    const dir = await tempDir('lock');
    const first = await lockFolder(dir);
    const refused = lockFolder(dir);
    await expect(refused).rejects.toThrow(/already open in another Marginalia \(process \d+\)\. Close it there first/);
    await expect(refused).rejects.toThrow(`If no Marginalia is running, delete ${lockOf(dir)} and try again.`);
    await first.release();
    await (await lockFolder(dir)).release();
  });

  it.each([
    ['this machine’s lock', () => JSON.stringify(thisProcessAsOwner(machine))],
    ['a lock of an older version, taken now', () => JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() })],
    ['a lock from before locks named the machine', () => String(process.pid)],
  ])('refuses while a live process holds %s', async (_label, text) => {
    const dir = await tempDir('lock');
    await writeFile(lockOf(dir), text());
    await expect(lockFolder(dir)).rejects.toThrow(/already open in another Marginalia \(process \d+\)/);
    expect(await lockHolderElsewhere(dir)).toBeNull();
  });

  const stale: [label: string, text: () => string, linuxOnly: boolean][] = [
    ['its process is gone', () => JSON.stringify({ ...thisProcessAsOwner(machine), pid: GONE }), false],
    ['a lock from before locks named the machine', () => String(GONE), false],
    ['its pid now belongs to another process', () => JSON.stringify({ ...thisProcessAsOwner(machine), started: (machine.startTicks(process.pid) ?? 0) + 1 }), true],
    ['it was taken before the machine restarted', () => JSON.stringify({ ...thisProcessAsOwner(machine), boot: 'an-earlier-boot' }), true],
    ['an older version’s lock taken before its pid’s process started', () => JSON.stringify({ pid: process.pid, host: hostname(), since: '2020-01-01T00:00:00.000Z' }), true],
  ];
  it.each(stale)('takes over a lock whose owner is gone: %s', async (_label, text, linuxOnly) => {
    if (linuxOnly && !knowsStartTimes) return;
    const dir = await tempDir('lock');
    await writeFile(lockOf(dir), text());
    const lock = await lockFolder(dir);
    expect(parseLockOwner(await readFile(lockOf(dir), 'utf8'))?.pid).toBe(process.pid);
    await lock.release();
  });

  it('takes over an unreadable lock, unless it is so new that it may still be being written', async () => {
    const dir = await tempDir('lock');
    await writeFile(lockOf(dir), '');
    await expect(lockFolder(dir)).rejects.toThrow(/already open in another Marginalia\. .*delete/);
    const aMinuteAgo = new Date(Date.now() - 60_000);
    await utimes(lockOf(dir), aMinuteAgo, aMinuteAgo);
    await (await lockFolder(dir)).release();
  });

  it('takes over a stale lock whose last breaker died while breaking it, and leaves no break lock behind', async () => {
    const dir = await tempDir('lock');
    const deadLock = JSON.stringify({ ...thisProcessAsOwner(machine), pid: GONE });
    await writeFile(lockOf(dir), deadLock);
    await writeFile(breakPathOf(lockOf(dir), deadLock), JSON.stringify({ ...thisProcessAsOwner(machine), pid: GONE - 1 }));
    const lock = await lockFolder(dir);
    expect(await readdir(dir)).toEqual(['notebook.lock']);
    await lock.release();
  });

  it('refuses while a live process is breaking the same stale lock', async () => {
    const dir = await tempDir('lock');
    const deadLock = JSON.stringify({ ...thisProcessAsOwner(machine), pid: GONE });
    await writeFile(lockOf(dir), deadLock);
    await writeFile(breakPathOf(lockOf(dir), deadLock), JSON.stringify(thisProcessAsOwner(machine)));
    await expect(lockFolder(dir)).rejects.toThrow(/already open in another Marginalia \(process \d+\)/);
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

/**
 * Two processes released at the same moment try to lock one folder: over an empty folder and
 * over every kind of lock that may be taken over. Exactly one must own it each time.
 */
describe('two processes racing for one folder', () => {
  const RACES = Number(process.env.LOCK_RACES ?? 200);
  const CHILD = fileURLToPath(new URL('./test/lock-race-child.ts', import.meta.url));
  const TS_SOURCES = fileURLToPath(new URL('../test-support/ts-register.mjs', import.meta.url));

  interface Racer {
    child: ChildProcessWithoutNullStreams;
    next(): Promise<string>;
    send(line: string): void;
  }

  function startRacer(): Racer {
    const child = spawn(process.execPath, ['--import', TS_SOURCES, CHILD], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    return {
      child,
      async next() {
        const { value, done } = await lines.next();
        if (done) throw new Error(`a racer ended early: ${stderr}`);
        return value as string;
      },
      send: (line) => child.stdin.write(`${line}\n`),
    };
  }

  let racers: Racer[] = [];
  beforeAll(() => {
    racers = [startRacer(), startRacer()];
  });
  afterAll(() => {
    for (const { child } of racers) child.kill();
  });

  const GONE_OWNER = () => JSON.stringify({ ...thisProcessAsOwner(machine), pid: GONE });
  const kinds: [label: string, prepare: (dir: string) => Promise<void>][] = [
    ['no lock', async () => {}],
    ['a lock whose process is gone', (dir) => writeFile(lockOf(dir), GONE_OWNER())],
    ['a bare pid from an older version, gone', (dir) => writeFile(lockOf(dir), String(GONE))],
    ['another machine’s lock', (dir) => writeFile(lockOf(dir), JSON.stringify({ pid: process.pid, host: 'bens-laptop', since: new Date().toISOString() }))],
    [
      'a stale lock whose breaker died',
      async (dir) => {
        const text = GONE_OWNER();
        await writeFile(lockOf(dir), text);
        await writeFile(breakPathOf(lockOf(dir), text), JSON.stringify({ ...thisProcessAsOwner(machine), pid: GONE - 1 }));
      },
    ],
    ...(knowsStartTimes
      ? ([
          // The parent's own pid, alive, but as if an earlier process of that number had taken the lock.
          ['a lock whose pid was reused', (dir) => writeFile(lockOf(dir), JSON.stringify({ ...thisProcessAsOwner(machine), started: (machine.startTicks(process.pid) ?? 0) + 1 }))],
          ['a lock from before the machine restarted', (dir) => writeFile(lockOf(dir), JSON.stringify({ ...thisProcessAsOwner(machine), boot: 'an-earlier-boot' }))],
        ] satisfies [string, (dir: string) => Promise<void>][])
      : []),
  ];

  it(`gives the folder to exactly one of them, every time (${RACES} races)`, async () => {
    const base = await tempDir('lock-race');
    const owners = [0, 0];
    const byKind = new Map<string, number>();
    for (let race = 0; race < RACES; race++) {
      const [label, prepare] = kinds[race % kinds.length]!;
      const dir = join(base, `race-${race}`);
      const barrier = join(base, `go-${race}`);
      await mkdir(dir);
      await prepare(dir);
      for (const racer of racers) racer.send(`arm ${dir} ${barrier}`);
      for (const racer of racers) expect(await racer.next()).toBe('armed');
      await writeFile(barrier, '');
      const answers = await Promise.all(racers.map((racer) => racer.next()));

      const winners = answers.flatMap((answer, i) => (answer === 'owned' ? [i] : []));
      expect(winners, `race ${race} over ${label}: ${answers.join(' | ')}`).toHaveLength(1);
      const loser = answers[1 - winners[0]!]!;
      expect(loser).toMatch(/^refused This notebook is already open in another Marginalia \(process \d+\)\./);
      expect(loser).toContain(`delete ${lockOf(dir)}`);
      expect(parseLockOwner(await readFile(lockOf(dir), 'utf8'))?.pid).toBe(racers[winners[0]!]!.child.pid);
      owners[winners[0]!]! += 1;
      byKind.set(label, (byKind.get(label) ?? 0) + 1);

      for (const racer of racers) racer.send('release');
      for (const racer of racers) expect(await racer.next()).toBe('released');
      // Nothing is left behind: no lock, no break lock, no temporary file.
      expect(await readdir(dir)).toEqual([]);
    }
    expect(owners[0]! + owners[1]!).toBe(RACES);
    expect([...byKind.values()].every((n) => n >= Math.floor(RACES / kinds.length))).toBe(true);
  }, 300_000);
});
