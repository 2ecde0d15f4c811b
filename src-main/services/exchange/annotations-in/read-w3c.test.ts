/**
 * Reading W3C Web Annotation files: Marginalia's own export read back in full, the model's
 * examples (checked against the W3C suite's musts first, so they are what the model allows),
 * and every shape the model lets a file take.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileAssertions, failedAssertions, listedAssertions, suiteAjv, suitePresent, type W3cAssertion } from '../../export/test-support/w3c-assertions';
import { readW3cAnnotations } from './read-w3c';
import { GOLDEN_W3C, W3C_MODEL_EXAMPLES, readJson } from './test-support/paths';

describe('our own export, read back', () => {
  const { annotations, skipped, warnings } = readW3cAnnotations(readJson(GOLDEN_W3C));

  it('keeps every annotation, with nothing skipped or left out', () => {
    expect(annotations.map((annotation) => annotation.externalId)).toEqual([1, 2, 3, 4, 5].map((n) => `urn:marginalia:annotation:ann_${n}`));
    expect(skipped).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('reads the passage, comment, tags, source, title and dates of each', () => {
    expect(annotations[0]).toEqual({
      externalId: 'urn:marginalia:annotation:ann_1',
      sources: ['https://example.org/alliances'],
      documentTitle: 'Alliances and entrapment: a primer',
      quote: { exact: 'Entrapment is the risk of being dragged into a partner’s war over interests one does not share.', prefix: '', suffix: '' },
      position: { start: 67, end: 162 },
      comment: '=Definition used throughout; compare "abandonment".',
      tags: [],
      createdAt: '2026-11-30T09:12:00.000Z',
      updatedAt: '2026-11-30T09:12:00.000Z',
    });
    expect(annotations[4]).toMatchObject({
      sources: ['urn:marginalia:article:art_1'],
      quote: { exact: 'the rising threat from China as “the greatest strategic challenge.”' },
      position: { start: 262, end: 329 },
      comment: 'The *framing* matters: see [the statement](https://example.org/statement).',
      tags: ['alliance', 'china'],
    });
  });

  it('keeps a passage that needed review as the export described it', () => {
    expect(annotations[2]).toMatchObject({ quote: { exact: 'A passage that will be edited away before the export.' }, position: { start: 304, end: 357 }, comment: '' });
  });
});

describe('the Web Annotation model’s examples', () => {
  const examples = readJson(W3C_MODEL_EXAMPLES) as unknown[];
  const present = suitePresent();
  let musts: W3cAssertion[] = [];
  beforeAll(() => {
    if (present) musts = compileAssertions(suiteAjv('ignored'), 'ignored', listedAssertions('annotations/annotationMusts.test'));
  });

  it.skipIf(!present).each(examples.map((example, index) => [index + 1, example]))('example %i meets every must of the W3C suite', (_n, example) => {
    expect(failedAssertions(musts, example)).toEqual([]);
  });

  it('takes the ones that mark a passage and says why the others are left out', () => {
    const { annotations, skipped } = readW3cAnnotations(examples);
    expect(skipped).toEqual([
      { id: 'http://example.org/anno1', reason: 'it annotates the whole of http://example.com/page1, not a passage in it' },
      { id: 'http://example.org/anno5', reason: 'it annotates the whole of http://example.org/photo1, not a passage in it' },
      { id: 'http://example.org/anno6', reason: 'it annotates the whole of http://example.org/target1, not a passage in it' },
    ]);
    const byId = new Map(annotations.map((annotation) => [annotation.externalId, annotation]));
    expect(byId.get('http://example.org/anno15')).toMatchObject({
      quote: { exact: 'further investigation', prefix: 'that bears ', suffix: ' of the topic' },
      comment: 'A good description of the topic that bears further investigation',
      tags: ['readme'],
    });
    // A body that is only an IRI is kept as that address, so the link to the comment survives.
    expect(byId.get('http://example.org/anno23')).toMatchObject({ sources: ['http://example.org/page1'], quote: { exact: 'anotation' }, comment: 'http://example.org/comment1' });
    expect(byId.get('http://example.org/anno24')).toMatchObject({ sources: ['http://example.org/ebook1'], position: { start: 412, end: 795 } });
    expect(byId.get('http://example.org/anno24')?.quote).toBeUndefined();
    // Refined: the quote within paragraph 5 is still a quote of the page.
    expect(byId.get('http://example.org/anno29')).toMatchObject({ quote: { exact: 'Selected Text', prefix: 'text before the ', suffix: ' and text after it' } });
    expect(byId.get('http://example.org/anno30')).toMatchObject({
      sources: ['http://example.org/page1', 'http://example.org/index.html'],
      quote: { exact: 'text after it', prefix: '', suffix: '' },
      position: { start: 76, end: 89 },
      comment: 'Note the phrasing here.',
    });
  });
});

const target = { source: 'https://example.org/a', selector: { type: 'TextQuoteSelector', exact: 'a passage' } };
const annotation = (extra: object = {}) => ({ id: 'urn:x:1', type: 'Annotation', target, ...extra });

describe('the shapes of a W3C file', () => {
  it.each([
    ['a single annotation', annotation()],
    ['a plain list', [annotation()]],
    ['a collection with an embedded first page', { type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [annotation()] } }],
    ['a collection listing items itself', { type: 'AnnotationCollection', items: [annotation()] }],
    ['a page', { type: 'AnnotationPage', items: [annotation()] }],
    ['an annotation whose types were left out', { id: 'urn:x:1', target }],
  ])('%s', (_name, json) => {
    expect(readW3cAnnotations(json).annotations.map((read) => read.externalId)).toEqual(['urn:x:1']);
  });

  it('follows pages chained inside the file, and says so when the chain leaves it', () => {
    const json = {
      type: 'AnnotationCollection',
      total: 3,
      first: { type: 'AnnotationPage', items: [annotation({ id: 'urn:x:1' })], next: { type: 'AnnotationPage', items: [annotation({ id: 'urn:x:2' })], next: 'https://example.org/page3' } },
    };
    const { annotations, warnings } = readW3cAnnotations(json);
    expect(annotations.map((read) => read.externalId)).toEqual(['urn:x:1', 'urn:x:2']);
    expect(warnings).toEqual([
      'The collection continues on a page that is not in this file (https://example.org/page3); its annotations were not read.',
      'The collection says it holds 3 annotations; the file contains 2.',
    ]);
  });

  it('refuses a collection whose annotations are all elsewhere', () => {
    expect(() => readW3cAnnotations({ type: 'AnnotationCollection', first: 'https://example.org/page1' })).toThrow(/not in the file: its first page is at https:\/\/example.org\/page1/);
  });

  it('uses the first target that marks a passage, with its source given as a resource', () => {
    const json = annotation({ target: ['https://example.org/whole', { source: { id: 'https://example.org/b', type: 'Text' }, selector: [{ type: 'TextPositionSelector', start: 3, end: 9 }] }] });
    expect(readW3cAnnotations(json).annotations[0]).toMatchObject({ sources: ['https://example.org/b'], position: { start: 3, end: 9 } });
  });

  it('never takes a position from inside a refinement: it counts from the refined segment', () => {
    const selector = { type: 'FragmentSelector', value: 'para5', refinedBy: { type: 'TextPositionSelector', start: 4, end: 10 } };
    expect(readW3cAnnotations(annotation({ target: { source: 'https://example.org/a', selector } })).skipped).toHaveLength(1);
  });

  it('reads comments from bodies of every kind and tags from tagging bodies', () => {
    const json = annotation({
      body: [
        { type: 'TextualBody', value: 'First thought.', purpose: 'commenting' },
        'Second, as a plain string.',
        { type: 'TextualBody', value: '  Region / East Asia ', purpose: ['tagging'] },
        { type: 'Choice', items: [{ type: 'TextualBody', value: 'In English.' }, { type: 'TextualBody', value: 'En français.' }] },
        { type: 'TextualBody', value: 'Described.', purpose: 'describing' },
      ],
      bodyValue: 'And a bodyValue.',
    });
    expect(readW3cAnnotations(json).annotations[0]).toMatchObject({
      comment: 'First thought.\n\nSecond, as a plain string.\n\nIn English.\n\nDescribed.\n\nAnd a bodyValue.',
      tags: ['region/east-asia'],
    });
  });

  it('leaves out what is not a tag, and says so', () => {
    const tag = (value: unknown) => ({ type: 'TextualBody', value, purpose: 'tagging' });
    const { annotations, warnings } = readW3cAnnotations(annotation({ body: [tag('Alliance'), tag('alliance'), tag('   '), tag('a//b'), tag(42), tag('x'.repeat(101))] }));
    expect(annotations[0]?.tags).toEqual(['alliance']);
    expect(warnings).toEqual([
      'urn:x:1: tag "   " left out: a tag must not be empty',
      'urn:x:1: tag "a//b" left out: a tag must not start or end with "/" or contain "//"',
      'urn:x:1: tag 42 left out: a tag must be text',
      `urn:x:1: tag "${'x'.repeat(57)}…" left out: a tag is longer than 100 characters`,
    ]);
  });

  it('names an annotation without an id by what it says, the same each time', () => {
    const once = readW3cAnnotations([{ target }]).annotations[0]?.externalId;
    expect(once).toMatch(/^urn:marginalia:content:[0-9a-f]{32}$/);
    expect(readW3cAnnotations([{ target }]).annotations[0]?.externalId).toBe(once);
  });
});
