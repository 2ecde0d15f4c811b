/**
 * The W3C Web Annotation export as a whole: the collection, its golden file, and conformance.
 * Every annotation the sample reports produce must meet every "must" assertion of the W3C's
 * own annotation-model test suite (../shared/conformance/w3c-web-annotation,
 * annotations/annotationMusts.test), read both as draft-04 reads its schemas and as Ajv 8
 * does (see test-support/w3c-draft04.ts); and breaking an annotation must make one fail.
 */
import type { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from './report';
import { expectGolden } from './test-support/golden';
import { claimReport, sourceReport } from './test-support/sample-report';
import { compileAssertions, failedAssertions, listedAssertions, suiteAjv, suitePresent, unexpectedResults, W3C_SUITE_DIR, type W3cAssertion } from './test-support/w3c-assertions';
import { collectionFailures, pageFailures } from './test-support/w3c-collection-checks';
import type { RefSiblings } from './test-support/w3c-draft04';
import { annotationOf, awkwardReport, items, OPTS } from './test-support/w3c-fixtures';
import type { W3cAnnotation } from './w3c-annotation';
import { reportToW3c, reportToW3cJson, W3C_ANNO_CONTEXT, type W3cAnnotationCollection } from './w3c-annotations';
import marginaliaContext from './w3c-marginalia-context.json';


/** Where two texts first differ, as a line number and both versions of that line. */


describe('the collection', () => {
  it('carries the W3C context then Marginalia’s, inline, and embeds one page of annotations', () => {
    const collection = reportToW3c(sourceReport, OPTS);
    expect(collection['@context']).toEqual([W3C_ANNO_CONTEXT, marginaliaContext['@context']]);
    expect(collection).toMatchObject({
      id: 'urn:marginalia:export:source:alliance:2026-11-30T09:00:00.000Z',
      type: 'AnnotationCollection',
      label: 'alliance',
      total: 4,
      first: { id: 'urn:marginalia:export:source:alliance:2026-11-30T09:00:00.000Z#page-1', type: 'AnnotationPage', startIndex: 0 },
    });
    expect(items(collection)).toHaveLength(4);
  });

  it('takes the id it is given, and names its page as a fragment of it', () => {
    const collection = reportToW3c(sourceReport, { ...OPTS, id: 'https://example.org/exports/1' });
    expect(collection.id).toBe('https://example.org/exports/1');
    expect(collection.first?.id).toBe('https://example.org/exports/1#page-1');
  });

  it('has total 0 and no page when nothing is in scope', () => {
    const collection = reportToW3c({ ...sourceReport, sources: [] }, OPTS);
    expect(collection.total).toBe(0);
    expect('first' in collection).toBe(false);
  });

  it('as text is indented JSON of the same value, ending in a newline', () => {
    const json = reportToW3cJson(sourceReport, OPTS);
    expect(json.startsWith('{\n  "@context": [\n')).toBe(true);
    expect(json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(json)).toEqual(reportToW3c(sourceReport, OPTS));
  });

  it('by claim matches golden/claim-report.jsonld', () => {
    expectGolden('claim-report.jsonld', reportToW3cJson(claimReport, OPTS));
  });
});

type Standalone = W3cAnnotation & { '@context': W3cAnnotationCollection['@context'] };

/**
 * An item as a document of its own. Inside the page it inherits the collection's `@context`
 * (JSON-LD contexts apply to everything nested); a reader that takes it out must copy that
 * context, and the W3C assertions judge one annotation document, so that is what they get.
 */
function standalone(collection: W3cAnnotationCollection, item: W3cAnnotation): Standalone {
  return { '@context': collection['@context'], ...item };
}

const REPORTS: [string, Report][] = [
  ['by source', sourceReport],
  ['by claim', claimReport],
  ['awkward', awkwardReport()],
];

const COLLECTIONS = REPORTS.map(([name, report]): [string, W3cAnnotationCollection] => [name, reportToW3c(report, OPTS)]);

const ANNOTATIONS: [string, Standalone][] = COLLECTIONS.flatMap(([name, collection]) =>
  items(collection).map((item): [string, Standalone] => [`${name}: ${item.id}`, standalone(collection, item)]),
);

/** A complete annotation (comment, tags, claims, notes) to break, one way per row. */
function complete(): Standalone {
  const collection = reportToW3c(sourceReport, OPTS);
  return structuredClone(standalone(collection, annotationOf(collection, 'ann_power')));
}

const BROKEN: [string, (doc: Standalone) => void, string][] = [
  ['no target', (doc) => Reflect.deleteProperty(doc, 'target'), 'annotations/3.1-targetKeyFound.json'],
  ['a TextQuoteSelector without exact', (doc) => Reflect.deleteProperty(doc.target.selector[0]!, 'exact'), 'annotations/specificResource/4.2.4-textQuoteSelectorValid.json'],
  [
    'a TextPositionSelector starting before 0',
    (doc) => Object.assign(doc.target.selector[1]!, { start: -1 }),
    'annotations/specificResource/4.2-TextDataPositionSelectorValid.json',
  ],
  ['a selector of no known type', (doc) => Object.assign(doc.target.selector[0]!, { type: 'QuoteSelector' }), 'annotations/specificResource/4.2-selectorValidIfPresent.json'],
  ['both body and bodyValue', (doc) => Object.assign(doc, { bodyValue: 'A comment.' }), 'annotations/3.2.5-notBodyBodyValue.json'],
  ['no W3C context', (doc) => Object.assign(doc, { '@context': ['https://marginalia.app/ns/anno.jsonld'] }), 'annotations/3.1-annotationContextValidated.json'],
  ['an id that is not a URI', (doc) => Object.assign(doc, { id: 'ann power' }), 'annotations/3.1-annotationIdValidated.json'],
  ['a type other than Annotation', (doc) => Object.assign(doc, { type: 'Highlight' }), 'annotations/3.1-annotationTypeValidated.json'],
  ['a created date that is not a date-time', (doc) => Object.assign(doc, { created: '30/11/2026' }), 'annotations/3.3.1-annotationCreatedValidated.json'],
  ['a target source that is not a URI', (doc) => Object.assign(doc.target, { source: 'example.org/power' }), 'annotations/3.2-targetObjectsRecognized.json'],
];

/**
 * Optional ("should"/"may") features the export means to implement, each detected by the
 * suite's own assertion for it: these check that the W3C's detectors recognise them, which
 * the musts alone would not (a must passes when a feature is absent).
 */
const FEATURES = {
  always: [
    'annotations/3.3.1-annotationCreatedImplemented.json',
    'annotations/3.3.1-annotationModifiedImplemented.json',
    'annotations/3.3.1-annotationGeneratedImplemented.json',
    'annotations/3.3.1-annotationGeneratorImplemented.json',
    'annotations/3.3.2-annotationGeneratorAgentTypeImplemented.json',
    'annotations/3.3.2-annotationGeneratorAgentNameImplemented.json',
    'annotations/3.3.2-annotationGeneratorAgentHomepageImplemented.json',
    'annotations/3.3.5-annotationSingleMotivationImplemented.json',
    'annotations/bodiesTargets/4-targSpecificResource.json',
    'annotations/specificResource/4.2.4-textQuoteSelector.json',
    'annotations/specificResource/4.2.5-textPositionSelector.json',
  ],
  withBody: ['annotations/3.1-bodyKeyFound.json', 'annotations/bodiesTargets/3.2.4-bodyETB.json', 'annotations/bodiesTargets/3.3.5-bodyPurpose.json'],
  withComment: ['annotations/bodiesTargets/3.2.1-bodyFormat.json'],
  /**
   * Only meaningful as draft-04 reads it: its selector check refers to `selectorDetected`,
   * which describes a resource *having* a selector (a `$ref` plus `required: ["selector"]`),
   * so with the keyword beside the `$ref` applied no selector, ours or anyone's, can match.
   */
  draft04Only: ['annotations/specificResource/4.2-selectorFound.json'],
};

const MUSTS_TEST = 'annotations/annotationMusts.test';
const present = suitePresent();
if (!present) console.warn(`Skipping the W3C conformance tests: ${W3C_SUITE_DIR} is absent on this machine.`);

describe.skipIf(!present).each<RefSiblings>(['ignored', 'applied'])('W3C annotation-model suite, keywords beside $ref %s', (refSiblings) => {
  // Loaded before the tests, not while they are collected, so a machine without ../shared skips them cleanly.
  let ajv: Ajv;
  let musts: W3cAssertion[] = [];
  let features: W3cAssertion[] = [];
  const always = refSiblings === 'ignored' ? [...FEATURES.always, ...FEATURES.draft04Only] : FEATURES.always;
  beforeAll(() => {
    ajv = suiteAjv(refSiblings);
    musts = compileAssertions(ajv, refSiblings, listedAssertions(MUSTS_TEST));
    features = compileAssertions(ajv, refSiblings, [...always, ...FEATURES.withBody, ...FEATURES.withComment]);
  });

  it(`compiles every assertion ${MUSTS_TEST} lists, all of them musts`, () => {
    expect(musts.length).toBe(54);
    expect(new Set(musts.map((must) => must.assertionType))).toEqual(new Set(['must']));
  });

  it.each(ANNOTATIONS)('%s meets every must', (_name, doc) => {
    expect(failedAssertions(musts, doc)).toEqual([]);
  });

  it.each(BROKEN)('fails a must for %s', (_name, breakIt, file) => {
    const doc = complete();
    breakIt(doc);
    expect(failedAssertions(musts, doc).map((failure) => failure.file)).toContain(file);
  });

  it.each(ANNOTATIONS)('%s is recognised as implementing what it uses', (_name, doc) => {
    const expected = new Set([...always, ...(doc.body ? FEATURES.withBody : []), ...(doc.body?.some((body) => body.purpose === 'commenting') ? FEATURES.withComment : [])]);
    const applicable = features.filter((feature) => expected.has(feature.file));
    expect(applicable).toHaveLength(expected.size);
    expect(unexpectedResults(applicable, doc)).toEqual([]);
  });

  it.each(COLLECTIONS)('the collection %s and its page meet model §5 (definitions/collections.json)', (_name, collection) => {
    expect(collectionFailures(ajv, collection)).toEqual([]);
    expect(pageFailures(ajv, collection.first)).toEqual([]);
  });

  it('finds a collection that misses its first page, and a page without items', () => {
    const { first, ...withoutFirst } = reportToW3c(sourceReport, OPTS);
    expect(collectionFailures(ajv, withoutFirst)).toEqual(['has first when total > 0']);
    expect(pageFailures(ajv, { ...first, items: undefined })).toEqual(['has items, each an IRI or an Annotation']);
  });
});
