/**
 * A folder of one-record files (`notes/<id>.json`, `claims/<id>.json`) whose metadata the
 * index (notebook.json) caches. The files are the truth: on open, files missing from the
 * index are added back and index entries without a file are dropped, so a crash between the
 * two writes, or a corrupt notebook.json, loses nothing.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from '../common/zod';
import { NotebookError } from '../common/errors';
import { recordFilePattern, type RecordKind } from '../common/record-ids';
import { removeFileDurably } from './atomic-file';
import { fileStamp } from './file-stamp';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import { RecordCache } from './record-cache';
import type { DamagedFile } from '../common/model';
import { whereNow, type SetAside } from './quarantine';
import { UnreadableFileError } from './validated-json-file';
import { saveFailed } from './write-failure';

interface RecordFile<R> {
  schemaVersion: number;
  record: R;
}

export interface RecordFolderOptions<R extends { id: string }, M extends { id: string }> {
  dir: string;
  folder: string;
  /** The kind of record the folder holds, which gives its files' id prefix. */
  kind: RecordKind;
  /** Noun for messages, e.g. `note`. */
  noun: string;
  schema: z.ZodType<R>;
  metaOf(record: R): M;
  /** The index's list for this folder, and how a change to one entry is recorded (the journal). */
  index: { get(): M[]; set(list: M[]): void; changed(id: string, meta: M | null): Promise<void> };
  setAside: SetAside;
  /** What a person calls a record, from its entry in the index. */
  titleOf(meta: M): string;
  /**
   * A good copy of a record whose file is damaged: the whole record, where the index or a
   * snapshot of it holds one (claims); undefined where none does (a note's body is only in its file).
   */
  goodCopyOf?(id: string): Promise<R | undefined>;
  /** The notebook is open read-only (see folder-access.ts): the folder is not made when missing. */
  readOnly?: boolean;
  /** How many records to keep in memory (see RecordCache). */
  cacheLimit?: number;
}

/** Notes are small next to articles; a few hundred cover any session's work. */
const CACHE_LIMIT = 500;

export class RecordFolder<R extends { id: string }, M extends { id: string }> {
  readonly #dbs: RecordCache<RecordFile<R>>;

  constructor(private readonly options: RecordFolderOptions<R, M>) {
    const fileSchema = z.object({ schemaVersion: z.number().int(), record: options.schema }) as z.ZodType<RecordFile<R> | null>;
    this.#dbs = new RecordCache((id) => this.#path(id), fileSchema, options.cacheLimit ?? CACHE_LIMIT);
  }

  #path(id: string): string {
    return join(this.options.dir, this.options.folder, `${id}.json`);
  }

  /** Makes the index agree with the files; returns the ids of the files found. */
  async reconcile(): Promise<{ ids: string[]; changed: boolean }> {
    const { dir, folder, kind, index } = this.options;
    if (!this.options.readOnly) await mkdir(join(dir, folder), { recursive: true });
    const pattern = recordFilePattern(kind);
    const names = await readdir(join(dir, folder)).catch((error: NodeJS.ErrnoException) => {
      if (this.options.readOnly && error.code === 'ENOENT') return [];
      throw error;
    });
    const ids = names.filter((n) => pattern.test(n)).map((n) => n.slice(0, -'.json'.length));
    const onDisk = new Set(ids);
    const kept = index.get().filter((meta) => onDisk.has(meta.id));
    let changed = kept.length !== index.get().length;
    const indexed = new Set(kept.map((meta) => meta.id));
    for (const id of ids.filter((id) => !indexed.has(id))) {
      try {
        const file = await this.#dbs.load(id);
        if (file) kept.push(this.options.metaOf(file.record));
        changed = true;
      } catch (error) {
        if (!(error instanceof UnreadableFileError)) throw error;
        this.#dbs.delete(id);
        await this.#setAside(id, error);
      }
    }
    index.set(kept);
    return { ids, changed };
  }

  async read(id: string): Promise<R> {
    const { index, noun } = this.options;
    if (!index.get().some((m) => m.id === id)) throw new NotebookError('not_found', `That ${noun} is no longer in the notebook.`);
    let file: RecordFile<R> | null;
    try {
      file = await this.#dbs.load(id);
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      const entry = await this.setAside(id, error);
      throw new NotebookError('storage', `The file of a ${noun} could not be read (${error.reason}). ${whereNow(entry)}; see Damaged files.`);
    }
    if (!file) {
      await this.#forget(id);
      throw new NotebookError('not_found', `The file of that ${noun} is missing from the notebook folder.`);
    }
    return structuredClone(file.record);
  }

  /** Writes the record's file, then its entry in the index; answers the file's stamp after the write (see file-stamp.ts). */
  async save(record: R): Promise<string | null> {
    const db = this.#dbs.get(record.id);
    const previous = db.data;
    db.data = structuredClone({ schemaVersion: CURRENT_SCHEMA_VERSION, record });
    try {
      await db.write();
    } catch (error) {
      db.data = previous;
      throw saveFailed(`the ${this.options.noun}`, error);
    }
    // Read before anything else can write the file: the write queue lets one write of a record through at a time.
    const stamp = await fileStamp(this.#path(record.id));
    await this.options.index.changed(record.id, this.options.metaOf(record));
    return stamp;
  }

  async remove(id: string): Promise<void> {
    await removeFileDurably(this.#path(id));
    await this.#forget(id);
  }

  /**
   * Sets aside a record file found damaged (or from a newer Marginalia) and drops the record from
   * the index, so it is never served from the index and then lost with it: a good copy, where
   * one is known, is kept for "Restore from backup".
   */
  async setAside(id: string, error: UnreadableFileError): Promise<DamagedFile> {
    return this.#setAside(id, error, () => this.#forget(id));
  }

  /**
   * `drop` takes the record out of the index once its good copy is known (a claim's is the
   * index's own) and before its file is listed: once it is on the Damaged files list, which a
   * window may read at any moment, "Restore from backup" must not find the record still there.
   */
  async #setAside(id: string, error: UnreadableFileError, drop: () => Promise<void> = async () => {}): Promise<DamagedFile> {
    const { kind, titleOf, goodCopyOf, index } = this.options;
    const meta = index.get().find((m) => m.id === id);
    const good = await goodCopyOf?.(id);
    const title = meta ? titleOf(meta) : undefined;
    await drop();
    return this.options.setAside(error, {
      record: { kind: kind as 'claim' | 'note', id, ...(title ? { title } : {}) },
      ...(good ? { goodCopy: { schemaVersion: CURRENT_SCHEMA_VERSION, record: good } } : {}),
    });
  }

  async #forget(id: string): Promise<void> {
    this.#dbs.delete(id);
    await this.options.index.changed(id, null);
  }

  idle(): Promise<void> {
    return this.#dbs.idle();
  }
}
