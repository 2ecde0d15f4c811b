/**
 * A file of JSON lines that only grows, for data updated in small steps (the metadata journal,
 * undo history): a change costs one appended line, not a rewrite of everything. Appends made
 * while a flush is in flight share the next one (group commit) — one write and one fsync for
 * all of them — and no append resolves before its line is on disk.
 *
 * `rewrite` replaces the whole file atomically (temp file + rename) when its owner compacts it.
 * A line cut short by a crash is the last one and is skipped when read.
 */
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsyncDirectory, writeFileAtomic } from './atomic-file';
import { timeSlices } from './event-loop-turns';

interface Pending {
  lines: string[];
  waiters: { resolve: () => void; reject: (error: unknown) => void }[];
}

export class AppendLog {
  #handle: FileHandle | undefined;
  #pending: Pending | undefined;
  #flushing: Promise<void> | undefined;
  #bytes = 0;
  /** The file ends in a line cut short (a crash mid-append): the next append starts a new line. */
  #unterminated = false;

  /**
   * `memoryOnly`: the notebook is open read-only (see folder-access.ts): the file is read as
   * usual, and appends and rewrites count their bytes but write nothing.
   */
  constructor(
    readonly path: string,
    readonly memoryOnly = false,
  ) {}

  /** Bytes in the file (as read, plus what was appended since). */
  get size(): number {
    return this.#bytes;
  }

  /**
   * The parsed lines of the file, in order; [] when there is none. A line that does not parse
   * as JSON is reported to `onDamaged` and skipped.
   */
  async read(onDamaged: (line: number, text: string) => void = () => {}): Promise<unknown[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    this.#bytes = Buffer.byteLength(text);
    this.#unterminated = text !== '' && !text.endsWith('\n');
    const values: unknown[] = [];
    // A log holds up to megabytes (history.log up to 16 MB): read while the window is answered.
    const turn = timeSlices();
    const lines = text.split('\n');
    for (let at = 0; at < lines.length; at += 1) {
      const line = lines[at]!;
      if (line.trim() === '') continue;
      try {
        values.push(JSON.parse(line));
      } catch {
        onDamaged(at + 1, line);
      }
      await turn();
    }
    return values;
  }

  /** Appends one line per value; resolves once they are on disk. */
  append(values: readonly unknown[]): Promise<void> {
    if (values.length === 0) return Promise.resolve();
    if (this.memoryOnly) {
      this.#bytes += values.reduce<number>((sum, value) => sum + Buffer.byteLength(`${JSON.stringify(value)}\n`), 0);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      this.#pending ??= { lines: [], waiters: [] };
      for (const value of values) this.#pending.lines.push(JSON.stringify(value));
      this.#pending.waiters.push({ resolve, reject });
      this.#flushing ??= this.#flush();
    });
  }

  /** Replaces the file with these values, atomically, after every append so far. */
  async rewrite(values: readonly unknown[]): Promise<void> {
    await this.idle();
    const text = values.map((value) => `${JSON.stringify(value)}\n`).join('');
    if (this.memoryOnly) {
      this.#bytes = Buffer.byteLength(text);
      return;
    }
    await this.#close();
    await writeFileAtomic(this.path, text);
    this.#bytes = Buffer.byteLength(text);
    this.#unterminated = false;
  }

  /** Resolves when nothing is pending or being written. */
  async idle(): Promise<void> {
    while (this.#flushing) await this.#flushing;
  }

  async close(): Promise<void> {
    await this.idle();
    await this.#close();
  }

  async #close(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    await handle?.close();
  }

  async #flush(): Promise<void> {
    while (this.#pending) {
      const { lines, waiters } = this.#pending;
      this.#pending = undefined;
      try {
        const data = (this.#unterminated ? '\n' : '') + lines.map((line) => `${line}\n`).join('');
        if (!this.#handle) {
          this.#handle = await open(this.path, 'a', 0o600);
          // The file may have just been created: make its name durable too.
          await fsyncDirectory(dirname(this.path));
        }
        await this.#handle.appendFile(data, 'utf8');
        this.#unterminated = false;
        await this.#handle.datasync();
        this.#bytes += Buffer.byteLength(data);
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error);
      }
    }
    this.#flushing = undefined;
  }
}
