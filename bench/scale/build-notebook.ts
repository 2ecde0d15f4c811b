/**
 * Builds a notebook of N articles through the real store (`openStore` → `saveRecord`,
 * `saveClaim`, `saveNote`) and keeps it under `.tmp/bench-scale/<N>/`, reused by later runs
 * while BUILD_VERSION is unchanged. A run measures a copy (`fresh copy`), never the cache.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { openStore } from '../../src-main/store/notebook-store';
import { generateLibrary } from './library-records';

/** Change when the generator or the store's format changes, so cached notebooks are rebuilt. */
export const BUILD_VERSION = 'scale-v1';
export const WORK_DIR = resolve(import.meta.dirname, '../../.tmp/bench-scale');
/** Writes in flight at once: the store group-commits its journal, so parallel saves share fsyncs. */
const IN_FLIGHT = 32;

const versionFile = (count: number) => join(WORK_DIR, `${count}.version`);
export const cachedNotebook = (count: number): string => join(WORK_DIR, String(count), 'notebook');

/** Writes every generated record through the store; answers how long it took. */
async function build(dir: string, count: number, progress: (line: string) => void): Promise<number> {
  const started = performance.now();
  const store = await openStore(dir);
  const pending = new Set<Promise<void>>();
  const track = (write: Promise<void>) => {
    pending.add(write);
    void write.finally(() => pending.delete(write));
  };
  let n = 0;
  for (const { record, claims, notes } of generateLibrary(count)) {
    track(store.saveRecord(record));
    for (const claim of claims) track(store.saveClaim(claim));
    for (const note of notes) track(store.saveNote(note));
    while (pending.size >= IN_FLIGHT) await Promise.race(pending);
    n += 1;
    if (n % 1000 === 0) progress(`  built ${n.toLocaleString('en')} of ${count.toLocaleString('en')} articles (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  await Promise.all(pending);
  await store.close();
  return performance.now() - started;
}

/** The cached notebook of `count` articles, built first when missing or out of date. */
export async function ensureNotebook(count: number, progress: (line: string) => void): Promise<{ dir: string; builtMs: number | null }> {
  const dir = cachedNotebook(count);
  const version = existsSync(versionFile(count)) ? await readFile(versionFile(count), 'utf8') : '';
  if (version === BUILD_VERSION && existsSync(dir)) return { dir, builtMs: null };
  await rm(join(WORK_DIR, String(count)), { recursive: true, force: true });
  await rm(versionFile(count), { force: true });
  await mkdir(dir, { recursive: true });
  progress(`Building a ${count.toLocaleString('en')}-article notebook through the store in ${dir} …`);
  const builtMs = await build(dir, count, progress);
  // Written last: an interrupted build is rebuilt on the next run.
  await writeFile(versionFile(count), BUILD_VERSION);
  return { dir, builtMs };
}

/** A copy of the cached notebook that a run may change (the journal is appended in place, so no hard links). */
export async function freshCopy(count: number, name: string): Promise<string> {
  const dir = join(WORK_DIR, `${count}-${name}`);
  await rm(dir, { recursive: true, force: true });
  await cp(cachedNotebook(count), dir, { recursive: true });
  return dir;
}
