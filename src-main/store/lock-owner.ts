/**
 * Who holds a notebook folder's lock, and whether that owner is provably gone.
 *
 * A lock names its owner's machine and process id. A process id alone proves little: after a
 * crash or a reboot the same number may belong to an unrelated process, which kept the folder
 * locked for good. So on Linux the lock also records which boot it was taken in
 * (`/proc/sys/kernel/random/boot_id`) and when its process started (the start time in clock
 * ticks since boot, `/proc/<pid>/stat`): a process with that id and another start time is
 * another process. Where none of this can be read (macOS, Windows), a live process id keeps the
 * lock: wrongly refusing is fixed by deleting a file, wrongly taking over loses work.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** Who holds a notebook folder. Locks written by older versions lack some fields. */
export interface LockOwner {
  pid: number;
  /** The machine (absent in locks written before it was recorded). */
  host?: string;
  /** When it was taken (ISO 8601), when known. */
  since?: string;
  /** The boot the owner ran in (Linux). */
  boot?: string;
  /** When the owner process started, in clock ticks since that boot (Linux). */
  started?: number;
  /** Random, so that two locks are never the same text (see folder-lock.ts). */
  token?: string;
}

/** What a lock's owner is to this process. */
export type OwnerState = 'held' | 'gone' | 'elsewhere';

/** What can be learned about processes on this machine (a parameter so tests can make one up). */
export interface ProcessProbe {
  host: string;
  alive(pid: number): boolean;
  /** This boot's id, or null where it cannot be read. */
  bootId: string | null;
  /** When this boot began (ms since the epoch), or null. */
  bootTimeMs: number | null;
  /** When process `pid` started, in clock ticks since boot, or null where it cannot be read. */
  startTicks(pid: number): number | null;
}

/**
 * Linux counts process start times in USER_HZ ticks, which is 100 on every architecture it
 * exports to user space (the kernel ABI fixes it; CONFIG_HZ is a different thing).
 */
const TICKS_PER_SECOND = 100;
/** The boot time is whole seconds and a tick is 10 ms: a start time is known to within this. */
const START_TIME_SLACK_MS = 2_000;

const isPid = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;

/** Reads a lock's text: the JSON this module writes, or the bare pid older versions wrote; null when it is neither. */
export function parseLockOwner(text: string): LockOwner | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return isPid(Number(trimmed)) ? { pid: Number(trimmed) } : null;
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  const { pid, host, since, boot, started, token } = json as Record<string, unknown>;
  if (!isPid(pid)) return null;
  return {
    pid,
    ...(typeof host === 'string' && host !== '' ? { host } : {}),
    ...(typeof since === 'string' ? { since } : {}),
    ...(typeof boot === 'string' && boot !== '' ? { boot } : {}),
    ...(typeof started === 'number' && Number.isInteger(started) && started >= 0 ? { started } : {}),
    ...(typeof token === 'string' && token !== '' ? { token } : {}),
  };
}

/**
 * What `owner` is to a process on the machine `probe` describes: `elsewhere` when another
 * machine wrote it; `gone` only when it provably no longer runs; `held` otherwise.
 */
export function ownerState(owner: LockOwner, probe: ProcessProbe): OwnerState {
  // A lock without a host was written on this machine: older versions never shared a folder across machines knowingly.
  if (owner.host !== undefined && owner.host !== probe.host) return 'elsewhere';
  if (!probe.alive(owner.pid)) return 'gone';
  // Every process of an earlier boot is gone, whatever holds its number now.
  if (owner.boot !== undefined && probe.bootId !== null && owner.boot !== probe.bootId) return 'gone';
  const ticks = probe.startTicks(owner.pid);
  if (ticks === null) return 'held';
  if (owner.started !== undefined && owner.boot !== undefined && owner.boot === probe.bootId) return ticks === owner.started ? 'held' : 'gone';
  // An older lock knows only when it was taken: a process that started after that is not its owner.
  const since = owner.since === undefined ? NaN : Date.parse(owner.since);
  if (probe.bootTimeMs !== null && Number.isFinite(since)) {
    const startedAt = probe.bootTimeMs + (ticks * 1000) / TICKS_PER_SECOND;
    if (startedAt > since + START_TIME_SLACK_MS) return 'gone';
  }
  return 'held';
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat, counted after the command name, which may hold spaces and parentheses. */
export function startTicksFromStat(stat: string): number | null {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[19]);
  return Number.isInteger(ticks) && ticks >= 0 ? ticks : null;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** This machine, as Linux's /proc tells it; elsewhere only whether a process id is in use. */
export function thisMachine(): ProcessProbe {
  const bootId = readText('/proc/sys/kernel/random/boot_id')?.trim() || null;
  const btime = /^btime (\d+)$/m.exec(readText('/proc/stat') ?? '');
  return {
    host: hostname(),
    alive: processIsAlive,
    bootId,
    bootTimeMs: btime ? Number(btime[1]) * 1000 : null,
    startTicks: (pid) => {
      const stat = readText(`/proc/${pid}/stat`);
      return stat === null ? null : startTicksFromStat(stat);
    },
  };
}

/** A new lock's owner: this process, now, with what identifies it beyond its id. */
export function thisProcessAsOwner(probe: ProcessProbe, now = new Date()): LockOwner {
  const started = probe.startTicks(process.pid);
  return {
    pid: process.pid,
    host: probe.host,
    since: now.toISOString(),
    ...(probe.bootId !== null && started !== null ? { boot: probe.bootId, started } : {}),
    token: randomBytes(8).toString('hex'),
  };
}
