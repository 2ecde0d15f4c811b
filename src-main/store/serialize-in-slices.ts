/**
 * `JSON.stringify(data, null, 2)`, the text notebook files are written as, produced a slice at
 * a time so the event loop answers the window meanwhile. notebook.json is ~5 MB at 10,000
 * articles (~25 MB at 50,000): stringified at once it held every call for 60–300 ms each time
 * the journal was folded into it, and that fold runs in the background after open. An
 * article kept whole from a page of 80,000 table cells is a 19 MB file: stringified at once it
 * held the loop for 60–140 ms at the end of its import.
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

/** Values up to this many (counting those inside arrays and objects) are stringified at once. */
const AT_ONCE = 64;

/** Whether `value` holds at most `AT_ONCE` values, counted until there are more. */
function isSmall(value: unknown): boolean {
  let budget = AT_ONCE;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (--budget < 0) return false;
    if (typeof next !== 'object' || next === null) continue;
    const inner = Array.isArray(next) ? next : Object.values(next);
    if (inner.length > budget) return false;
    pending.push(...inner);
  }
  return true;
}

/** An array or object being written, and how far. */
type Open = { close: ']'; items: readonly unknown[]; at: number; indent: string } | { close: '}'; items: readonly (readonly [string, unknown])[]; at: number; indent: string };

/**
 * How `value` starts at `indent`: its whole text when it is small (or not an array or object),
 * else what is left to write of it after its opening bracket.
 */
function start(value: unknown, key: string, indent: string): string | Open {
  const json = typeof (value as { toJSON?: unknown } | null)?.toJSON === 'function' ? (value as { toJSON(key: string): unknown }).toJSON(key) : value;
  if (typeof json !== 'object' || json === null || isSmall(json)) {
    return (JSON.stringify(json, null, 2) as string | undefined)?.replaceAll('\n', `\n${indent}`) ?? 'null';
  }
  if (Array.isArray(json)) return { close: ']', items: json, at: 0, indent };
  const entries = Object.entries(json).filter(([, inner]) => inner !== undefined && typeof inner !== 'function' && typeof inner !== 'symbol');
  return { close: '}', items: entries, at: 0, indent };
}

/**
 * The parts of `JSON.stringify(value, null, 2)`, in order, small enough to be produced between
 * turns of the event loop: a large value is walked without recursion (a deep document tree
 * cannot overflow the stack), and its small parts are stringified at once.
 */
function* prettyJsonParts(value: unknown): Generator<string> {
  const first = start(value, '', '');
  if (typeof first === 'string') {
    yield first;
    return;
  }
  yield first.close === ']' ? '[' : '{';
  const stack: Open[] = [first];
  while (stack.length > 0) {
    const top = stack.at(-1)!;
    if (top.at === top.items.length) {
      stack.pop();
      yield top.items.length === 0 ? top.close : `\n${top.indent}${top.close}`;
      continue;
    }
    const indent = `${top.indent}  `;
    const lead = `${top.at === 0 ? '\n' : ',\n'}${indent}`;
    const [key, inner] = top.close === ']' ? [String(top.at), top.items[top.at]] : top.items[top.at]!;
    top.at += 1;
    // An element JSON.stringify cannot write is null in an array (entries skip them).
    const next = start(top.close === ']' && (inner === undefined || typeof inner === 'function' || typeof inner === 'symbol') ? null : inner, key, indent);
    const named = top.close === '}' ? `${lead}${JSON.stringify(key)}: ` : lead;
    if (typeof next === 'string') {
      yield named + next;
    } else {
      yield named + (next.close === ']' ? '[' : '{');
      stack.push(next);
    }
  }
}

/** Parts produced between two checks of the time slice. */
const PARTS_PER_CHECK = 256;

/**
 * `JSON.stringify(data, null, 2) + '\n'`, encoded, a slice at a time. `data` is read as it was
 * at the call: top-level arrays and objects are copied (the metadata cache edits those in
 * place); anything deeper must be replaced, never edited, while the text is produced.
 */
export async function serializeInSlices(data: unknown): Promise<EncodedText> {
  const parts = new TextEncoding();
  const turn = timeSlices();
  let count = 0;
  for (const part of prettyJsonParts(isPlainObject(data) ? snapshot(data) : data)) {
    parts.push(part);
    if (++count % PARTS_PER_CHECK === 0) await turn();
  }
  parts.push('\n');
  return parts.finish();
}
