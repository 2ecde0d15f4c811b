/**
 * The lowdb instances of one-record files, kept for the records used last. Each file's instance
 * holds its parsed record; keeping every one that was ever read grew without bound (an article
 * is ~100 KB in memory, a 10,000-article notebook that was searched through held them all), so
 * past `limit` the least recently used are let go and read again from disk when next needed.
 *
 * An instance is never let go while it is writing or being read: two instances of one file would
 * race their writes. And a read never overwrites what a save put in memory meanwhile (lowdb's own
 * `read` does), which left a reopened notebook answering with a note's text from before an undo.
 */
import { Low } from 'lowdb';
import type { z } from 'zod';
import { ValidatedJsonFile } from './validated-json-file';

export type Db<T> = Low<T> & { adapter: ValidatedJsonFile<T> };

export class RecordCache<T> {
  /** In order of use, least recent first (a Map keeps insertion order). */
  readonly #dbs = new Map<string, Db<T | null>>();
  readonly #reading = new Map<Db<T | null>, Promise<void>>();

  constructor(
    private readonly pathOf: (id: string) => string,
    private readonly schema: z.ZodType<T | null>,
    readonly limit: number,
    /** Which records are large enough to be written a slice at a time (see ValidatedJsonFile). */
    private readonly inSlices: (data: T | null) => boolean = () => false,
  ) {}

  get size(): number {
    return this.#dbs.size;
  }

  /** The file's instance (its data is null until `load` or a save), marked as used now. */
  get(id: string): Db<T | null> {
    let db = this.#dbs.get(id);
    if (db) {
      this.#dbs.delete(id);
    } else {
      db = new Low(new ValidatedJsonFile(this.pathOf(id), this.schema, this.inSlices), null) as Db<T | null>;
    }
    this.#dbs.set(id, db);
    this.#evict();
    return db;
  }

  /**
   * The record, read from disk if it is not in memory; null when there is no file. A save made
   * while the file is read wins over what the read found. Throws `UnreadableFileError`.
   */
  async load(id: string): Promise<T | null> {
    const db = this.get(id);
    if (db.data) return db.data;
    let reading = this.#reading.get(db);
    if (!reading) {
      reading = (async () => {
        const data = await db.adapter.read();
        db.data ??= data;
      })().finally(() => {
        this.#reading.delete(db);
        this.#evict();
      });
      this.#reading.set(db, reading);
    }
    await reading;
    return db.data;
  }

  /** The record if it is in memory, without reading it or counting it as used. */
  peek(id: string): T | null {
    return this.#dbs.get(id)?.data ?? null;
  }

  delete(id: string): void {
    this.#dbs.delete(id);
  }

  /** Resolves when every write so far is on disk. */
  async idle(): Promise<void> {
    await Promise.all([...this.#dbs.values()].map((db) => db.adapter.idle()));
  }

  #evict(): void {
    if (this.#dbs.size <= this.limit) return;
    for (const [id, db] of this.#dbs) {
      if (this.#dbs.size <= this.limit) return;
      if (db.adapter.busy || this.#reading.has(db)) continue;
      this.#dbs.delete(id);
    }
  }
}
