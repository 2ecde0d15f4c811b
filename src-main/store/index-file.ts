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
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { AtomicFileWriter } from './atomic-file';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import { serializeInSlices } from './serialize-in-slices';
import { ValidatedJsonFile, type ReadInfo } from './validated-json-file';

export const INDEX_DIGEST_FILE = 'notebook.digest';

/** A piece of a file read at a time: below glibc's first mmap threshold (see `TEXT_CHUNK`). */
const READ_PIECE = 64 << 10;

/** The file's text and the SHA-256 of its bytes, read a piece at a time; null when it cannot be read. */
async function readHashed(path: string): Promise<{ text: string; digest: string } | null> {
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch {
    return null;
  }
  try {
    const piece = Buffer.allocUnsafe(READ_PIECE);
    const hash = createHash('sha256');
    const decoder = new TextDecoder();
    let text = '';
    for (let read = 0; (read = (await file.read(piece, 0, READ_PIECE, null)).bytesRead) > 0; ) {
      hash.update(piece.subarray(0, read));
      text += decoder.decode(piece.subarray(0, read), { stream: true });
    }
    return { text: text + decoder.decode(), digest: hash.digest('hex') };
  } catch {
    return null;
  } finally {
    await file.close();
  }
}

async function readIfPresent(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
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
    const [file, digest] = await Promise.all([readHashed(this.path), readIfPresent(join(dirname(this.path), INDEX_DIGEST_FILE))]);
    this.trusted = false;
    if (file !== null && digest !== null && digest.trim() === file.digest) {
      const data = JSON.parse(file.text) as T;
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
    if (file !== null && data !== null && this.lastRead?.migrated === false) await this.#digest.write(`${file.digest}\n`);
    return data;
  }

  /**
   * The file, then its digest: a crash between the two leaves a file that is validated on open.
   * The text is produced in slices (megabytes at 10,000 articles) from the data as it is now.
   */
  async write(data: T): Promise<void> {
    const { chunks, digest } = await serializeInSlices(data);
    await this.#text.write(chunks);
    await this.#digest.write(`${digest}\n`);
  }

  async idle(): Promise<void> {
    await this.#text.idle();
    await this.#digest.idle();
  }
}
