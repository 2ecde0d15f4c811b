/**
 * The W3C Web Annotation test suite's JSON Schemas are draft-04; Ajv 8 reads draft-07 and
 * later, and `ajv-draft-04` is not installed. Four differences matter for these files, and
 * `draft04ToAjv` rewrites each one so the schemas mean in Ajv 8 what they meant in draft-04:
 *
 * 1. `id` names a schema in draft-04, `$id` in draft-07. Ajv 8 refuses `id` outright, and the
 *    `$ref`s between files ("annotations.json#/definitions/…") resolve against these names.
 * 2. `$schema` points at the draft-04 meta-schema, which Ajv 8 does not have; the files also
 *    repeat it inside definitions. It is dropped: the rewrite makes them draft-07.
 * 3. Draft-04 ignores every keyword beside a `$ref`; Ajv 8 applies them. The suite has several
 *    such siblings (e.g. `specificeResourceDetected` = a `$ref` to `sourceDetected` plus an
 *    `anyOf` that asks for a selector, state…). `refSiblings: 'ignored'` reads them as draft-04
 *    and the W3C harness did; `'applied'` reads them as their authors evidently meant. The
 *    conformance test requires both readings to pass.
 * 4. `exclusiveMinimum: true` beside `minimum` (draft-04) is `exclusiveMinimum: <number>`.
 *
 * Keywords are rewritten only where a schema can stand, so a property *named* `id` (under
 * `properties`) is left alone.
 */

export type RefSiblings = 'ignored' | 'applied';

/** Keywords whose value is one schema. */
const SCHEMA_KEYWORDS = new Set(['not', 'additionalItems', 'additionalProperties']);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LIST_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf']);
/** Keywords whose value maps names (or patterns) to schemas. */
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', 'definitions', 'dependencies']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `items` is one schema or a list of them; `dependencies` values are schemas or name lists. */
function rewriteValue(keyword: string, value: unknown, refSiblings: RefSiblings): unknown {
  if (SCHEMA_KEYWORDS.has(keyword)) return draft04ToAjv(value, refSiblings);
  if (SCHEMA_LIST_KEYWORDS.has(keyword) && Array.isArray(value)) return value.map((schema) => draft04ToAjv(schema, refSiblings));
  if (keyword === 'items') return Array.isArray(value) ? value.map((schema) => draft04ToAjv(schema, refSiblings)) : draft04ToAjv(value, refSiblings);
  if (SCHEMA_MAP_KEYWORDS.has(keyword) && isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, Array.isArray(schema) ? schema : draft04ToAjv(schema, refSiblings)]));
  }
  return value;
}

/** A draft-04 schema as parsed from disk, rewritten for Ajv 8 (draft-07). */
export function draft04ToAjv(schema: unknown, refSiblings: RefSiblings): unknown {
  if (!isObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === '$schema') continue;
    if (keyword === 'id' && typeof value === 'string') out.$id = value;
    else out[keyword] = rewriteValue(keyword, value, refSiblings);
  }
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    const limit = out[bound];
    if (out[exclusive] === true && typeof limit === 'number') {
      out[exclusive] = limit;
      delete out[bound];
    } else if (out[exclusive] === false) delete out[exclusive];
  }
  // The schema's own name still sets the base the `$ref` resolves against.
  if (refSiblings === 'ignored' && typeof out.$ref === 'string') return out.$id === undefined ? { $ref: out.$ref } : { $id: out.$id, $ref: out.$ref };
  return out;
}

const URI_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
/** RFC 3986 characters (unreserved, reserved, percent-encoded triplets); no space, no non-ASCII. */
const URI_CHARS = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;

/**
 * Draft-04's `uri` format: an absolute URI (RFC 3986). Ajv 8 ships no formats and
 * `ajv-formats` is not installed; with strict schemas an unknown format is an error, so these
 * two must be given.
 */
export function isUri(value: string): boolean {
  return URI_SCHEME.test(value) && URI_CHARS.test(value) && value.split('#').length <= 2 && URL.canParse(value);
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;

/** Draft-04's `date-time` format: RFC 3339, with a day that exists in its month. */
export function isDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
