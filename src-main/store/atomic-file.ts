/**
 * Durable file writes. Like steno (lowdb's writer) a write goes to a temp file that is renamed
 * over the target, so a reader never sees half a file; unlike steno the temp file and the
 * folder are fsync'd, so a write that resolved survives a power cut.
 */
import { open, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let tempCounter = 0;

/** How a temporary file is named, `.<name>.<pid>.<n>.tmp` (git-fs.ts and folder-lock.ts use it too). */
const TEMP_NAME = /^\..+\.(\d+)\.\d+\.tmp$/;

/**
 * A temporary file another process left: a write that never reached its rename because the
 * process was killed. This process's own are spared: they may be writes in flight.
 */
export function isLeftoverTemp(name: string): boolean {
  const match = TEMP_NAME.exec(name);
  return match !== null && Number(match[1]) !== process.pid;
}

/**
 * Deletes the temporary files other processes left in `folder` (not in its subfolders);
 * answers their names. Call it only while holding the folder lock: then no other process on
 * this machine is writing there, and a leftover is garbage. (A synced folder may carry another
 * machine's leftovers too; its live temporary files last milliseconds, too briefly to be carried.)
 */
export async function removeTempLeftovers(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const leftovers = names.filter(isLeftoverTemp);
  // One that cannot be deleted is harmless: it is only clutter.
  for (const name of leftovers) await rm(join(folder, name), { force: true }).catch(() => undefined);
  return leftovers;
}

/** Makes a folder's entries (a created, renamed or removed file) durable. */
export async function fsyncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms (Windows) cannot open or sync a directory; the rename is still atomic there.
  }
}

/**
 * Text longer than this (in UTF-16 units) is encoded and written a chunk at a time; a chunk is
 * at most 96 KiB, below glibc's first mmap threshold (128 KiB). Larger buffers are mapped, and
 * freeing one raises that threshold to its size (up to 32 MiB) and the threshold for giving
 * free heap memory back to twice that: a process that had freed the 12 MB digest buffer of
 * `notebook.json` kept up to 24 MB free in each of its malloc heaps for good.
 */
export const TEXT_CHUNK = 1 << 15;

/**
 * The UTF-8 bytes of `text`, a chunk at a time: encoded at once, the 12 MB file of a
 * 40,000-item page held the thread ~130 ms. A chunk never ends between the two halves of a
 * surrogate pair, so the bytes are exactly those of the whole text.
 */
export function* utf8Chunks(text: string, size = TEXT_CHUNK): Generator<Uint8Array> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    yield Buffer.from(text.slice(start, end), 'utf8');
    start = end;
  }
}

/**
 * Writes `data` (text as UTF-8, bytes, or chunks of bytes) to `path` atomically and durably.
 * Chunks are pulled one write at a time, so a large file can be produced between other work;
 * long text is written so too.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<Uint8Array>): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${++tempCounter}.tmp`);
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await writeFile(handle, typeof data === 'string' && data.length > TEXT_CHUNK ? utf8Chunks(data) : data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncDirectory(dir);
}

/** Removes a file and makes the removal durable. */
export async function removeFileDurably(path: string): Promise<void> {
  await rm(path, { force: true });
  await fsyncDirectory(dirname(path));
}

/**
 * Serializes writes to one file. While a write is in flight only the newest pending data is
 * kept (as steno does): every caller's promise resolves once data at least as new as its own
 * is on disk.
 */
export class AtomicFileWriter {
  #next: { data: string | readonly Uint8Array[]; waiters: { resolve: () => void; reject: (e: unknown) => void }[] } | undefined;
  #draining: Promise<void> | undefined;

  constructor(readonly path: string) {}

  /** True while a write is pending or in flight. */
  get busy(): boolean {
    return this.#draining !== undefined;
  }

  /** Writes text, or bytes already encoded in chunks. */
  write(data: string | readonly Uint8Array[]): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.#next) {
        this.#next.data = data;
        this.#next.waiters.push({ resolve, reject });
      } else {
        this.#next = { data, waiters: [{ resolve, reject }] };
      }
      this.#draining ??= this.#drain();
    });
  }

  /** Resolves when nothing is pending or in flight. */
  async idle(): Promise<void> {
    while (this.#draining) await this.#draining;
  }

  async #drain(): Promise<void> {
    while (this.#next) {
      const { data, waiters } = this.#next;
      this.#next = undefined;
      try {
        await writeFileAtomic(this.path, data);
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error);
      }
    }
    this.#draining = undefined;
  }
}
