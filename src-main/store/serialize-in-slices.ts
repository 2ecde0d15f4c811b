/**
 * `JSON.stringify(data, null, 2)`, the text notebook files are written as, produced a slice at
 * a time so the event loop answers the window meanwhile. notebook.json is ~5 MB at 10,000
 * articles (~25 MB at 50,000): stringified at once it held every call for 60–300 ms each time
 * the journal was folded into it, and that fold runs in the background after open.
 *
 * The data is copied shallowly first (each array and plain object along the top level), so
 * what is written is the data as it was at the call even if the cache changes meanwhile: the
 * cache replaces records (the journal's putById), it never edits one in place.
 *
 * The text is encoded and hashed as it is produced, into chunks of ~32 KiB: joined, then
 * encoded and hashed at the end, megabytes of it held the loop for 30–60 ms after open.
 */
import { createHash } from 'node:crypto';
import { TEXT_CHUNK, utf8Chunks } from './atomic-file';
import { timeSlices } from './event-loop-turns';


type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Each top-level array and object copied, their elements shared. */
function snapshot(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, Array.isArray(value) ? [...value] : isPlainObject(value) ? { ...value } : value]));
}

/** A file's UTF-8 bytes, in chunks, and their SHA-256. */
export interface EncodedText {
  chunks: Uint8Array[];
  digest: string;
}

/** Text added in parts, encoded and hashed a chunk of about `TEXT_CHUNK` UTF-16 units at a time. */
class TextEncoding {
  readonly #chunks: Uint8Array[] = [];
  readonly #hash = createHash('sha256');
  #parts: string[] = [];
  #length = 0;

  push(part: string): void {
    this.#parts.push(part);
    this.#length += part.length;
    if (this.#length >= TEXT_CHUNK) this.#encode();
  }

  finish(): EncodedText {
    this.#encode();
    return { chunks: this.#chunks, digest: this.#hash.digest('hex') };
  }

  // Parts are whole JSON tokens, so joining them never splits a surrogate pair.
  #encode(): void {
    for (const chunk of utf8Chunks(this.#parts.join(''))) {
      this.#hash.update(chunk);
      this.#chunks.push(chunk);
    }
    this.#parts = [];
    this.#length = 0;
  }
}

export async function serializeInSlices(data: unknown): Promise<EncodedText> {
  const parts = new TextEncoding();
  if (!isPlainObject(data)) {
    parts.push(JSON.stringify(data, null, 2) + '\n');
    return parts.finish();
  }
  const taken = snapshot(data);
  const turn = timeSlices();
  // The same text as JSON.stringify(data, null, 2): an element of a top-level array sits at
  // depth 2, so its lines are indented four spaces (JSON strings hold no raw line breaks).
  const entries = Object.entries(taken).filter(([, value]) => value !== undefined && typeof value !== 'function');
  for (const [i, [key, value]] of entries.entries()) {
    parts.push(`${i === 0 ? '{\n' : ''}  ${JSON.stringify(key)}: `);
    if (Array.isArray(value) && value.length > 0) {
      parts.push('[\n');
      for (let j = 0; j < value.length; j += 1) {
        parts.push(`    ${(JSON.stringify((value[j] ?? null) as Json, null, 2) ?? 'null').replaceAll('\n', '\n    ')}${j < value.length - 1 ? ',\n' : '\n'}`);
        await turn();
      }
      parts.push('  ]');
    } else parts.push(JSON.stringify(value as Json, null, 2).replaceAll('\n', '\n  '));
    parts.push(i < entries.length - 1 ? ',\n' : '\n}');
    await turn();
  }
  if (entries.length === 0) parts.push('{}');
  parts.push('\n');
  return parts.finish();
}
