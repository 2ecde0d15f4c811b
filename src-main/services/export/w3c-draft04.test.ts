/**
 * The rewrite that lets Ajv 8 run the W3C suite's draft-04 schemas, and the two formats those
 * schemas use (see test-support/w3c-draft04.ts).
 */
import { describe, expect, it } from 'vitest';
import { draft04ToAjv, isDateTime, isUri } from './test-support/w3c-draft04';

describe('draft04ToAjv', () => {
  it('renames a schema’s id, but not a property called id, and drops $schema everywhere', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-04/schema#',
      id: 'id.json',
      definitions: { idValueFound: { $schema: 'http://json-schema.org/draft-04/schema#', required: ['id'], properties: { id: { type: 'string' } } } },
    };
    expect(draft04ToAjv(schema, 'applied')).toEqual({
      $id: 'id.json',
      definitions: { idValueFound: { required: ['id'], properties: { id: { type: 'string' } } } },
    });
  });

  it('drops the keywords beside a $ref when they are read as draft-04, keeps them otherwise', () => {
    const schema = { oneOf: [{ type: 'object', $ref: '#/definitions/a', required: ['selector'] }] };
    expect(draft04ToAjv(schema, 'ignored')).toEqual({ oneOf: [{ $ref: '#/definitions/a' }] });
    expect(draft04ToAjv(schema, 'applied')).toEqual(schema);
  });

  it('keeps a schema’s name beside its $ref, since the $ref resolves against it', () => {
    expect(draft04ToAjv({ id: 'a.json', title: 'A', $ref: 'b.json#/definitions/c' }, 'ignored')).toEqual({ $id: 'a.json', $ref: 'b.json#/definitions/c' });
  });

  it('rewrites a boolean exclusiveMinimum as the number it excludes', () => {
    expect(draft04ToAjv({ items: { type: 'integer', minimum: 0, exclusiveMinimum: true } }, 'applied')).toEqual({ items: { type: 'integer', exclusiveMinimum: 0 } });
    expect(draft04ToAjv({ minimum: 0, exclusiveMinimum: false }, 'applied')).toEqual({ minimum: 0 });
  });

  it('leaves values that are not schemas alone', () => {
    const schema = { enum: [{ id: 'x', $ref: 'y' }], required: ['id'], dependencies: { a: ['b'], c: { id: 'c.json' } } };
    expect(draft04ToAjv(schema, 'ignored')).toEqual({ enum: [{ id: 'x', $ref: 'y' }], required: ['id'], dependencies: { a: ['b'], c: { $id: 'c.json' } } });
  });
});

describe('isUri', () => {
  it.each([
    ['https://example.org/power', true],
    ['urn:marginalia:annotation:ann_power', true],
    ['urn:marginalia:export:source:alliance:2026-11-30T09:00:00.000Z#page-1', true],
    ['https://xn--e1afmkfd.xn--p1ai/%D1%81%D1%82', true],
    ['mailto:someone@example.org', true],
    ['example.org/power', false],
    ['ann power', false],
    ['urn:marginalia:annotation:ann power', false],
    ['https://пример.рф/', false],
    ['https://example.org/%zz', false],
    ['https://example.org/a#b#c', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isUri(value)).toBe(expected);
  });
});

describe('isDateTime', () => {
  it.each([
    ['2026-11-30T09:00:00.000Z', true],
    ['2026-11-30T09:00:00+01:00', true],
    ['2024-02-29T00:00:00Z', true],
    ['0050-01-01T00:00:00Z', true],
    ['2026-11-30', false],
    ['2026-11-30T09:00:00', false],
    ['2025-02-29T00:00:00Z', false],
    ['2026-13-01T00:00:00Z', false],
    ['2026-11-30T24:00:00Z', false],
    ['30/11/2026', false],
  ])('%s → %s', (value, expected) => {
    expect(isDateTime(value)).toBe(expected);
  });
});
