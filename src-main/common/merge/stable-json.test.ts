/**
 * The digest made without the text is the digest of the text: a record's legacy revision must
 * not change, on this machine or a colleague's, whatever the record holds. (Every page of the
 * web-page corpus, imported, is checked too: services/import/test/corpus-import.test.ts.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a64, stableJson, stableJsonDigest } from './stable-json';

const reference = (value: unknown) => fnv1a64(stableJson(value));

/** Text with everything JSON escapes: quotes, backslashes, control characters, lone and paired surrogates. */
const awkwardText = fc.string({ unit: fc.oneof(fc.constantFrom('"', '\\', '\n', '\t', '\b', '\f', '\r', '\u0000', '\u001f', '\u007f', '\u2028', '\ud83d', '\ude00', '😀', 'é'), fc.string({ maxLength: 1 }), fc.string({ unit: 'binary', maxLength: 1 })) });
/** Keys an object lists first by number (array indices) beside ones it does not ("01", "-1", 2³²−1). */
const awkwardKey = fc.oneof(awkwardText, fc.constantFrom('0', '1', '2', '10', '01', '-1', '1.5', '4294967294', '4294967295', 'rev', 'id'));
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(awkwardText, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(-0)),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 5 }), fc.dictionary(awkwardKey, tie('node'), { maxKeys: 6 })),
})).node;

describe('stableJsonDigest', () => {
  it('is fnv1a64(stableJson(value)) for any JSON-like value', () => {
    fc.assert(fc.property(value, (v) => v === undefined || stableJsonDigest(v) === reference(v)), { numRuns: 2000 });
  });

  it('is the same for objects that differ only in key order, and differs when a value does', () => {
    expect(stableJsonDigest({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(stableJsonDigest({ a: [1, { c: 3, d: 2 }], b: 1 }));
    expect(stableJsonDigest({ a: 1 })).not.toBe(stableJsonDigest({ a: 2 }));
  });

  it('follows the text for a value that is not plain data (a Date writes itself through toJSON)', () => {
    const dated = { at: new Date('2026-12-03T12:00:00Z'), note: 'x' };
    expect(stableJsonDigest(dated)).toBe(reference(dated));
  });
});
