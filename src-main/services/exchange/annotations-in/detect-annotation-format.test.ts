/** Telling the formats apart, and refusing a whole file with a message a person can act on. */
import { describe, expect, it } from 'vitest';
import { NotebookError } from '../../../common/errors';
import { detectFormat, readAnnotationFile } from './detect-annotation-format';
import { GOLDEN_W3C, HYPOTHESIS_EXPORT, W3C_MODEL_EXAMPLES, readJson, readText } from './test-support/paths';

describe('detectFormat', () => {
  it.each([
    ['our W3C export', readJson(GOLDEN_W3C), 'w3c'],
    ['the model’s examples, a list', readJson(W3C_MODEL_EXAMPLES), 'w3c'],
    ['a Hypothesis export', readJson(HYPOTHESIS_EXPORT), 'hypothesis'],
    ['an empty Hypothesis export', { export_date: '2024-08-07T12:00:00.000Z', annotations: [] }, 'hypothesis'],
    ['a page of Hypothesis search results', { total: 1, rows: [{ uri: 'https://example.org', target: [] }] }, 'hypothesis'],
    ['a bare list of W3C annotations without types', [{ id: 'a', target: { source: 'https://example.org' } }], 'w3c'],
    ['a W3C annotation by its context alone', { '@context': ['http://www.w3.org/ns/anno.jsonld'], id: 'a' }, 'w3c'],
    ['a REFI-QDA-like object', { project: { name: 'x' } }, undefined],
    ['a list of numbers', [1, 2, 3], undefined],
  ])('%s → %s', (_name, json, format) => {
    expect(detectFormat(json)).toBe(format);
  });
});

describe('readAnnotationFile', () => {
  it('reads each format and says which it was', () => {
    expect(readAnnotationFile(readText(GOLDEN_W3C))).toMatchObject({ format: 'w3c', annotations: expect.any(Array) });
    expect(readAnnotationFile(`\uFEFF${readText(HYPOTHESIS_EXPORT)}`)).toMatchObject({ format: 'hypothesis' });
  });

  it('says where a file stops being JSON', () => {
    const text = '{\n  "annotations": [\n    {"id": "a",}\n  ]\n}';
    expect(() => readAnnotationFile(text)).toThrow(new NotebookError('invalid_argument', 'This file is not valid JSON (line 3, column 16): Expected double-quoted property name.'));
  });

  it('says what it expected when it cannot tell the format', () => {
    expect(() => readAnnotationFile('{"project": {}}')).toThrow(/It reads W3C Web Annotation files .* and Hypothesis exports/);
  });
});
