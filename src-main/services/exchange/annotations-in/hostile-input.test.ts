/**
 * Hostile and broken annotation files. Each is refused whole with a message (NotebookError),
 * or the annotation in it is skipped with a reason, or it is kept with what could not be kept
 * left out and named in a warning. Nothing throws anything else.
 */
import { describe, expect, it } from 'vitest';
import { NotebookError } from '../../../common/errors';
import { readAnnotationFile } from './detect-annotation-format';

const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const quoteTarget = { source: 'https://example.org/a', selector: [{ type: 'TextQuoteSelector', exact: 'a passage' }] };

/** A W3C collection holding one annotation with `fields` over a good one. */
function w3c(fields: Record<string, unknown>): string {
  const annotation = { id: 'urn:x:1', type: 'Annotation', target: quoteTarget, ...fields };
  return JSON.stringify({ '@context': W3C_CONTEXT, type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [annotation] } });
}

/** A Hypothesis export holding one annotation with `fields` over a good one. */
function hypothesis(fields: Record<string, unknown>): string {
  const annotation = { id: 'h1', uri: 'https://example.org/a', text: '', tags: [], target: [quoteTarget], ...fields };
  return JSON.stringify({ export_date: '2024-08-07T12:00:00.000Z', annotations: [annotation] });
}

const position = (start: unknown, end: unknown) => ({ target: { source: 'https://example.org/a', selector: { type: 'TextPositionSelector', start, end } } });

type Outcome = { refused: RegExp } | { skipped: RegExp } | { kept: Record<string, unknown>; warning?: RegExp };

const HOSTILE: [string, string, Outcome][] = [
  ['an empty file', '', { refused: /^This file is empty/ }],
  ['a file that is not JSON', 'title,quote\nA,B', { refused: /^This file is not valid JSON/ }],
  ['JSON cut short', '{"annotations": [{"id": "h1"', { refused: /^This file is not valid JSON \(line 1, column 29\)/ }],
  ['a number', '42', { refused: /cannot tell what kind of annotation file/ }],
  ['null', 'null', { refused: /cannot tell what kind of annotation file/ }],
  ['a string', '"annotations"', { refused: /cannot tell what kind of annotation file/ }],
  ['an empty object', '{}', { refused: /cannot tell what kind of annotation file/ }],
  ['an empty list', '[]', { refused: /cannot tell what kind of annotation file/ }],
  ['lists nested 100,000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, { refused: /cannot tell what kind of annotation file/ }],
  ['an AnnotationCollection with 0 items', JSON.stringify({ '@context': W3C_CONTEXT, type: 'AnnotationCollection', total: 0 }), { refused: /^This file holds no annotations\.$/ }],
  ['an AnnotationPage whose items are null', JSON.stringify({ '@context': W3C_CONTEXT, type: 'AnnotationPage', items: null }), { refused: /^This file holds no annotations\.$/ }],
  ['an empty Hypothesis export', JSON.stringify({ export_date: '2024-08-07', annotations: [] }), { refused: /^This file holds no annotations\.$/ }],
  ['a collection whose only page is elsewhere', JSON.stringify({ type: 'AnnotationCollection', first: 'https://evil.example/page1' }), { refused: /annotations are not in the file/ }],
  ['101,000 annotations', JSON.stringify(Array.from({ length: 101_000 }, () => ({ target: 'x' }))), { refused: /holds 101,000 annotations; Marginalia imports at most 100,000/ }],
  ['an annotation that is null', JSON.stringify({ '@context': W3C_CONTEXT, type: 'AnnotationPage', items: [null] }), { skipped: /^it is null, not an annotation$/ }],
  ['an annotation that is a number', JSON.stringify({ annotations: [7], export_date: 'x' }), { skipped: /^it is 7, not an annotation$/ }],
  ['a W3C annotation given only by address', JSON.stringify({ type: 'AnnotationPage', items: ['https://example.org/anno/1'] }), { skipped: /only the address of an annotation kept elsewhere/ }],
  ['a target that is null', w3c({ target: null }), { skipped: /^it has no target/ }],
  ['a target that is a number', w3c({ target: 5 }), { skipped: /^it annotates the whole of a document, not a passage in it$/ }],
  ['a selector that is null', w3c({ target: { source: 'https://example.org/a', selector: null } }), { skipped: /^it annotates the whole of https:\/\/example.org\/a/ }],
  ['a selector that is a string', w3c({ target: { source: 'https://example.org/a', selector: 'exact=a' } }), { skipped: /a selector is "exact=a", not an object/ }],
  ['a quote that is a number', w3c({ target: { source: 'https://example.org/a', selector: { type: 'TextQuoteSelector', exact: 12 } } }), { skipped: /exact text is 12/ }],
  ['an empty quote', w3c({ target: { source: 'https://example.org/a', selector: { type: 'TextQuoteSelector', exact: '' } } }), { skipped: /exact text is ""/ }],
  ['a negative position', w3c(position(-5, 10)), { skipped: /from -5 to 10 is not a range of the text/ }],
  ['a position with start after end', w3c(position(40, 10)), { skipped: /from 40 to 10 is not a range/ }],
  ['a position in fractions', w3c(position(1.5, 10)), { skipped: /from 1.5 to 10 is not a range/ }],
  ['a position given as text', w3c(position('3', '9')), { skipped: /from "3" to "9" is not a range/ }],
  ['a position past any safe integer', w3c(position(0, 1e300)), { skipped: /is not a range/ }],
  ['a position longer than a highlight may be', w3c(position(0, 50_000)), { skipped: /^its passage is 50,000 characters long; a highlight covers at most 20,000$/ }],
  ['a quote of 20,001 characters', w3c({ target: { source: 'https://example.org/a', selector: { type: 'TextQuoteSelector', exact: 'q'.repeat(20_001) } } }), { skipped: /^its passage is 20,001 characters long/ }],
  ['a comment of 100,001 characters', hypothesis({ text: 'c'.repeat(100_001) }), { skipped: /^its comment is 100,001 characters long/ }],
  ['an id that is a number', w3c({ id: 17 }), { skipped: /^its id is 17, not text$/ }],
  ['an id of 3,000 characters', hypothesis({ id: 'i'.repeat(3_000) }), { skipped: /^its id is longer than 2000 characters$/ }],
  ['something that is not an Annotation', w3c({ type: 'Person' }), { skipped: /^it is "Person", not an Annotation$/ }],
  ['a passage without a document', w3c({ target: { selector: { type: 'TextQuoteSelector', exact: 'a passage' } } }), { skipped: /does not say in which document/ }],
  ['a reply whose references are not ids', hypothesis({ references: 5 }), { skipped: /^a reply whose references are not annotation ids$/ }],
  ['a page note', hypothesis({ target: [{ source: 'https://example.org/a' }] }), { skipped: /^a page note/ }],
  ['an id with ../ in it, kept as an id and nothing more', w3c({ id: '../../etc/passwd' }), { kept: { externalId: '../../etc/passwd' } }],
  ['<script> in a comment, kept as text for the sanitising renderer', hypothesis({ text: '<script>alert(1)</script><img src=x onerror=alert(2)>' }), { kept: { comment: '<script>alert(1)</script><img src=x onerror=alert(2)>' } }],
  ['a body that is null', w3c({ body: null }), { kept: { comment: '' } }],
  ['bodies that are null, a number and a list', w3c({ body: [null, 3, ['a']] }), { kept: { comment: '' }, warning: /body 1 left out: it is null, not a body/ }],
  ['a body whose value is an object', w3c({ body: { type: 'TextualBody', value: { text: 'x' } } }), { kept: { comment: '' }, warning: /its body left out: its value is an object, not text/ }],
  ['tags that are not text', hypothesis({ tags: [1, null, {}, ['a'], 'Fine Tag'] }), { kept: { tags: ['fine-tag'] }, warning: /tag null left out: a tag must be text/ }],
  ['tags that are one string', hypothesis({ tags: 'Just One' }), { kept: { tags: ['just-one'] } }],
  ['text that is an object', hypothesis({ text: { html: '<b>x</b>' } }), { kept: { comment: '' }, warning: /its text left out: it is an object, not text/ }],
  ['a date that is not a date', hypothesis({ created: 'yesterday', updated: 20240101 }), { kept: { createdAt: undefined }, warning: /created date "yesterday" left out/ }],
  ['a context 10,000 characters long', w3c({ target: { source: 'https://example.org/a', selector: { type: 'TextQuoteSelector', exact: 'a passage', prefix: 'p'.repeat(10_000), suffix: 's'.repeat(10_000) } } }), { kept: { quote: { exact: 'a passage', prefix: 'p'.repeat(32), suffix: 's'.repeat(32) } } }],
  ['a refinement 50 deep', w3c({ target: { source: 'https://example.org/a', selector: nested(50) } }), { skipped: /^it annotates the whole of https:\/\/example.org\/a/ }],
];

/** A FragmentSelector refined `depth` times, with a quote only at the bottom. */
function nested(depth: number): unknown {
  let selector: unknown = { type: 'TextQuoteSelector', exact: 'deep' };
  for (let level = 0; level < depth; level += 1) selector = { type: 'FragmentSelector', value: `p${level}`, refinedBy: selector };
  return selector;
}

describe('hostile annotation files', () => {
  it('has a table of at least 20 cases', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(20);
  });

  it.each(HOSTILE)('%s', (_name, text, outcome) => {
    let read: ReturnType<typeof readAnnotationFile>;
    try {
      read = readAnnotationFile(text);
    } catch (error) {
      expect(error).toBeInstanceOf(NotebookError);
      expect('refused' in outcome ? (error as Error).message : `unexpectedly refused: ${(error as Error).message}`).toMatch('refused' in outcome ? outcome.refused : /^$/);
      return;
    }
    expect('refused' in outcome ? 'read' : 'not refused').toBe('not refused');
    if ('skipped' in outcome) {
      expect(read.annotations).toEqual([]);
      expect(read.skipped).toHaveLength(1);
      expect(read.skipped[0]?.reason).toMatch(outcome.skipped);
    } else if ('kept' in outcome) {
      expect(read.skipped).toEqual([]);
      expect(read.annotations).toHaveLength(1);
      expect(read.annotations[0]).toMatchObject(outcome.kept);
      if (outcome.warning) expect(read.warnings.join('\n')).toMatch(outcome.warning);
    }
  });

  it('leaves __proto__, constructor and prototype keys inert', () => {
    const text = `{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "export_date": "x", "annotations": [
      {"__proto__": {"target": [{"source": "https://example.org/a", "selector": [{"type": "TextQuoteSelector", "exact": "hidden"}]}]}, "id": "p1", "uri": "https://example.org/a", "target": []},
      {"id": "constructor", "uri": "https://example.org/a", "tags": ["__proto__", "constructor", "prototype"], "text": "", "target": [{"source": "https://example.org/a", "selector": [{"type": "TextQuoteSelector", "exact": "kept", "constructor": 1}]}]}
    ]}`;
    const read = readAnnotationFile(text);
    expect(read.skipped.map((skipped) => skipped.id)).toEqual(['p1']);
    expect(read.annotations).toMatchObject([{ externalId: 'constructor', tags: ['__proto__', 'constructor', 'prototype'], quote: { exact: 'kept' } }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
