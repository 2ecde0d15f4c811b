/**
 * A lowdb adapter for one notebook file. lowdb trusts what it reads; this adapter does not:
 * it parses JSON, runs the migrations and validates with the file's schema, and reports a
 * file it cannot read as an `UnreadableFileError` (the store quarantines it). Writes go
 * through `AtomicFileWriter` (temp file, fsync, rename, fsync of the folder).
 */
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { NotebookError } from '../common/errors';
import { AtomicFileWriter } from './atomic-file';
import { CURRENT_SCHEMA_VERSION, migrate } from './migrations';
import { serializeInSlices } from './serialize-in-slices';

/** True for a file whose `schemaVersion` is past what this version reads. */
export const isNewerFormat = (json: unknown): boolean =>
  typeof json === 'object' && json !== null && typeof (json as { schemaVersion?: unknown }).schemaVersion === 'number' && (json as { schemaVersion: number }).schemaVersion > CURRENT_SCHEMA_VERSION;

/**
 * A file exists but cannot be used; `reason` says why in plain words. `newer`: it is whole, but
 * a newer Marginalia wrote it, so it is left where it is (never moved, never rewritten as this
 * version's format) and this version does without it.
 */
export class UnreadableFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly newer = false,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'UnreadableFileError';
  }
}

export interface ReadInfo {
  /** schemaVersion the file had on disk (before migration). */
  from: number;
  migrated: boolean;
}

export class ValidatedJsonFile<T> implements Adapter<T> {
  readonly #writer: AtomicFileWriter;
  /** The last write whose text is produced in slices, or one queued behind it, until it is done. */
  #inOrder: Promise<void> | undefined;
  /** What the last read found, so the store can snapshot before writing a migrated file. */
  lastRead: ReadInfo | undefined;

  /** `inSlices`: whether `data` is large enough for its text to be produced a slice at a time (see serialize-in-slices.ts). */
  constructor(
    readonly path: string,
    readonly schema: z.ZodType<T>,
    readonly inSlices: (data: T) => boolean = () => false,
  ) {
    this.#writer = new AtomicFileWriter(path);
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new UnreadableFileError(this.path, `it could not be read (${(error as Error).message})`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new UnreadableFileError(this.path, whyNotJson(text, error as Error));
    }
    let migrated;
    try {
      migrated = migrate(json);
    } catch (error) {
      if (error instanceof NotebookError) throw new UnreadableFileError(this.path, error.message, isNewerFormat(json));
      throw error;
    }
    const parsed = this.schema.safeParse(migrated.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      throw new UnreadableFileError(this.path, `its contents are not a valid notebook record${where}: ${issue?.message ?? 'unknown problem'}`);
    }
    this.lastRead = { from: migrated.from, migrated: migrated.migrated };
    return parsed.data;
  }

  /** The text a notebook file is written as. */
  static serialize(data: unknown): string {
    return JSON.stringify(data, null, 2) + '\n';
  }

  /** Writes `data` as it is now; writes reach the file in the order they were made. */
  write(data: T): Promise<void> {
    const inSlices = this.inSlices(data);
    if (!inSlices && !this.#inOrder) return this.#writer.write(ValidatedJsonFile.serialize(data));
    // The text is made now (from the data as it is now), and handed to the writer after the
    // write before it: a small write made while a large one is still being produced must not
    // land first and then be overwritten by the older data.
    const text = inSlices ? serializeInSlices(data).then(({ chunks }) => chunks) : Promise.resolve(ValidatedJsonFile.serialize(data));
    const done = (this.#inOrder ?? Promise.resolve()).catch(() => undefined).then(async () => this.#writer.write(await text));
    this.#inOrder = done;
    done.then(
      () => this.#doneInOrder(done),
      () => this.#doneInOrder(done),
    );
    return done;
  }

  #doneInOrder(write: Promise<void>): void {
    if (this.#inOrder === write) this.#inOrder = undefined;
  }

  /** True while a write is pending or in flight. */
  get busy(): boolean {
    return this.#inOrder !== undefined || this.#writer.busy;
  }

  /** Resolves when every write so far is on disk. */
  async idle(): Promise<void> {
    while (this.#inOrder) await this.#inOrder.catch(() => undefined);
    await this.#writer.idle();
  }
}

/**
 * Why `text` is not JSON, in words a person can read on the Damaged files list: what a crash or
 * a disk fault leaves (an empty file, one of zero bytes, one cut short) is named as such, and
 * the parser's own words never carry the file's control characters.
 */
export function whyNotJson(text: string, error: Error): string {
  if (text.trim() === '') return 'it is empty — a crash or a full disk left it without its contents';
  if (/^\0+$/.test(text)) return 'it holds only zero bytes — a crash or a disk fault wiped its contents';
  const at = /position (\d+)/.exec(error.message);
  const atTheEnd = at !== null && Number(at[1]) >= text.trimEnd().length;
  if (atTheEnd || /Unexpected end of JSON input|Unterminated string/.test(error.message)) return 'it breaks off part way — it was cut short while being written';
  // eslint-disable-next-line no-control-regex -- control characters are what is taken out
  const words = error.message.replace(/[\u0000-\u001f\u007f]/g, '?').replace(/\s+/g, ' ');
  return `it is not valid JSON (${words.length > 160 ? `${words.slice(0, 160)}…` : words})`;
}
