/**
 * A value's stable JSON (object keys sorted, so the same record gives the same text whatever its
 * key order), and its digest without making that text: the hash is fed the very characters `stableJson` would produce, one at a time. A
 * record written before revisions existed gets its revision from this digest each time it is
 * written or compared; for a 20 KB article, making the text (a sorted copy of every object of its
 * document tree, then ~100 KB of JSON) cost ~0.6 ms and most of the garbage of a highlight.
 *
 * The digest must stay exactly what it was: both sides of an exchange, and revisions already
 * saved in ancestor lists, name an untouched record by it. So this follows JSON.stringify's own
 * steps for the plain data records are (strings, numbers, booleans, null, arrays, objects), and
 * a value holding anything else (a `toJSON`, a bigint) is digested from its text as before.
 */

/** Two 32-bit FNV-1a hashes (different offsets) of UTF-16 units, in base 36: identity for content, not security. */
class Fnv1a64 {
  private a = 0x811c9dc5;
  private b = 0x050c5d1f;

  unit(unit: number): void {
    this.a = Math.imul(this.a ^ unit, 0x01000193);
    this.b = Math.imul(this.b ^ unit, 0x01000193);
  }

  text(text: string): void {
    for (let i = 0; i < text.length; i += 1) this.unit(text.charCodeAt(i));
  }

  digest(): string {
    return (this.a >>> 0).toString(36).padStart(7, '0') + (this.b >>> 0).toString(36).padStart(7, '0');
  }
}

/** JSON with object keys sorted, so the same record gives the same text whatever its key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

export function fnv1a64(text: string): string {
  const hash = new Fnv1a64();
  hash.text(text);
  return hash.digest();
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** JSON.stringify's short escapes, by code unit. */
const SHORT_ESCAPES: Record<number, number> = { 0x08: 0x62, 0x09: 0x74, 0x0a: 0x6e, 0x0c: 0x66, 0x0d: 0x72 };

/** `\uXXXX` with lower-case hex, as JSON.stringify writes it. */
function unicodeEscape(hash: Fnv1a64, unit: number): void {
  hash.text(`\\u${unit.toString(16).padStart(4, '0')}`);
}

/** The string as JSON.stringify quotes it (ES2019: a lone surrogate is escaped). */
function quoted(hash: Fnv1a64, text: string): void {
  hash.unit(QUOTE);
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit === QUOTE || unit === BACKSLASH) {
      hash.unit(BACKSLASH);
      hash.unit(unit);
    } else if (unit < 0x20) {
      const short = SHORT_ESCAPES[unit];
      if (short === undefined) unicodeEscape(hash, unit);
      else {
        hash.unit(BACKSLASH);
        hash.unit(short);
      }
    } else if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        hash.unit(unit);
        hash.unit(next);
        i += 1;
      } else unicodeEscape(hash, unit);
    } else if (unit >= 0xdc00 && unit <= 0xdfff) unicodeEscape(hash, unit);
    else hash.unit(unit);
  }
  hash.unit(QUOTE);
}

/** An array index (ES spec): an object lists these first, in numeric order, whatever the order they were added in. */
function isArrayIndex(key: string): boolean {
  const number = Number(key);
  return number >>> 0 === number && number !== 0xffffffff && String(number) === key;
}

/**
 * The keys in the order `stableJson`'s sorted copy lists them: sorted, except that the engine
 * lists a copy's array indices first, by number.
 */
function stableKeys(value: object): string[] {
  const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (!keys.some(isArrayIndex)) return keys;
  const indices = keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return [...indices, ...keys.filter((key) => !isArrayIndex(key))];
}

class NotPlainData extends Error {}

/** Feeds what JSON.stringify writes for `value`; false when it writes nothing (undefined, a function, a symbol). */
function feed(hash: Fnv1a64, value: unknown): boolean {
  switch (typeof value) {
    case 'string':
      quoted(hash, value);
      return true;
    case 'number':
      hash.text(Number.isFinite(value) ? String(value) : 'null');
      return true;
    case 'boolean':
      hash.text(value ? 'true' : 'false');
      return true;
    case 'undefined':
    case 'function':
    case 'symbol':
      return false;
    case 'bigint':
      throw new NotPlainData();
    case 'object':
      break;
  }
  if (value === null) {
    hash.text('null');
    return true;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') throw new NotPlainData();
  if (Array.isArray(value)) {
    hash.unit(0x5b);
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) hash.unit(0x2c);
      if (!feed(hash, value[i])) hash.text('null');
    }
    hash.unit(0x5d);
    return true;
  }
  hash.unit(0x7b);
  let first = true;
  for (const key of stableKeys(value)) {
    const inner = (value as Record<string, unknown>)[key];
    if (inner === undefined || typeof inner === 'function' || typeof inner === 'symbol') continue;
    if (!first) hash.unit(0x2c);
    first = false;
    quoted(hash, key);
    hash.unit(0x3a);
    feed(hash, inner);
  }
  hash.unit(0x7d);
  return true;
}

/** `fnv1a64(stableJson(value))`, without making the text. */
export function stableJsonDigest(value: unknown): string {
  const hash = new Fnv1a64();
  try {
    if (!feed(hash, value)) return fnv1a64(stableJson(value));
  } catch (error) {
    if (error instanceof NotPlainData) return fnv1a64(stableJson(value));
    throw error;
  }
  return hash.digest();
}
