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
  /** What the last read found, so the store can snapshot before writing a migrated file. */
  lastRead: ReadInfo | undefined;

  constructor(
    readonly path: string,
    readonly schema: z.ZodType<T>,
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

  write(data: T): Promise<void> {
    return this.#writer.write(ValidatedJsonFile.serialize(data));
  }

  /** True while a write is pending or in flight. */
  get busy(): boolean {
    return this.#writer.busy;
  }

  /** Resolves when every write so far is on disk. */
  idle(): Promise<void> {
    return this.#writer.idle();
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
