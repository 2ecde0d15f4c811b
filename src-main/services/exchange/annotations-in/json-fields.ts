/**
 * Reading fields of parsed JSON that nobody vouches for. Every read is of an own property, so
 * an inherited `constructor` or a `__proto__` key in the file can never stand in for a field,
 * and nothing here copies the file's objects: what a reader keeps is strings and numbers.
 */

export type JsonRecord = Readonly<Record<string, unknown>>;

/** Keys that name the prototype machinery rather than data; never read from a file. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The own field `key` of `value`, or undefined when `value` is not an object or lacks it. */
export function field(value: unknown, key: string): unknown {
  if (!isRecord(value) || PROTOTYPE_KEYS.has(key) || !Object.hasOwn(value, key)) return undefined;
  return value[key];
}

/** The field as a string, or undefined when it is missing or of another type. */
export function stringField(value: unknown, key: string): string | undefined {
  const found = field(value, key);
  return typeof found === 'string' ? found : undefined;
}

/** The model allows one value or a list wherever several are allowed: always a list here. */
export function asList(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Whether `value`'s `type` (a string or a list of them, as JSON-LD allows) includes `type`. */
export function hasType(value: unknown, type: string): boolean {
  return asList(field(value, 'type')).includes(type);
}

/** A JSON value named for a message: short, and never a whole object. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 60 ? `"${value.slice(0, 57)}…"` : `"${value}"`;
  return typeof value === 'object' ? 'an object' : String(value);
}
