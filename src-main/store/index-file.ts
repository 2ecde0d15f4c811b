/**
 * The lowdb adapter of `notebook.json`, the metadata cache. At 10,000 articles the file is
 * ~9 MB and validating it with its schema took ~0.5 s of every open, on the event loop that
 * should be answering the window. This adapter writes the SHA-256 of each version it writes
 * to `notebook.digest`; on open, a file whose text still has that digest is exactly what this
 * code wrote from validated data, so it is trusted without the schema pass. Any other file —
 * edited by hand, torn, from an older version, or written before a crash that lost its digest
 * — goes through `ValidatedJsonFile`'s full read: parse, migrate, validate.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { AtomicFileWriter } from './atomic-file';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import { serializeInSlices } from './serialize-in-slices';
import { ValidatedJsonFile, type ReadInfo } from './validated-json-file';

export const INDEX_DIGEST_FILE = 'notebook.digest';

// Hashing the bytes, not the string: encoding 9 MB to UTF-8 again costs more than the hash.
const digestOf = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

async function readIfPresent(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch {
    return null;
  }
}

export class IndexFile<T extends { schemaVersion: number }> implements Adapter<T> {
  readonly #validated: ValidatedJsonFile<T>;
  readonly #text: AtomicFileWriter;
  readonly #digest: AtomicFileWriter;
  lastRead: ReadInfo | undefined;
  /** Whether the last read was trusted by its digest (for tests). */
  trusted = false;

  constructor(
    readonly path: string,
    schema: z.ZodType<T>,
  ) {
    this.#validated = new ValidatedJsonFile(path, schema);
    this.#text = new AtomicFileWriter(path);
    this.#digest = new AtomicFileWriter(join(dirname(path), INDEX_DIGEST_FILE));
  }

  async read(): Promise<T | null> {
    const [bytes, digest] = await Promise.all([readIfPresent(this.path), readIfPresent(join(dirname(this.path), INDEX_DIGEST_FILE))]);
    this.trusted = false;
    if (bytes !== null && digest !== null && digest.toString('utf8').trim() === digestOf(bytes)) {
      const data = JSON.parse(bytes.toString('utf8')) as T;
      if (data.schemaVersion === CURRENT_SCHEMA_VERSION) {
        this.trusted = true;
        this.lastRead = { from: CURRENT_SCHEMA_VERSION, migrated: false };
        return data;
      }
    }
    const data = await this.#validated.read();
    this.lastRead = this.#validated.lastRead;
    // A notebook from before the digest, or one edited by hand: once validated, the next open
    // can trust the same text.
    if (bytes !== null && data !== null && this.lastRead?.migrated === false) await this.#digest.write(`${digestOf(bytes)}\n`);
    return data;
  }

  /**
   * The file, then its digest: a crash between the two leaves a file that is validated on open.
   * The text is produced in slices (megabytes at 10,000 articles) from the data as it is now.
   */
  async write(data: T): Promise<void> {
    const text = await serializeInSlices(data);
    await this.#text.write(text);
    await this.#digest.write(`${digestOf(text)}\n`);
  }

  async idle(): Promise<void> {
    await this.#text.idle();
    await this.#digest.idle();
  }
}
