/**
 * The local copy of the W3C suite has no assertion files for Annotation Collections and Pages
 * (upstream they sit in annotation-model/collections/, not copied here), but its
 * definitions/collections.json defines what model §5 requires of them. These checks apply
 * those definitions, one requirement each, to our collection and to its embedded page.
 */
import type { Ajv } from 'ajv';

const ref = (pointer: string): { $ref: string } => ({ $ref: pointer });
const collections = (name: string): { $ref: string } => ref(`collections.json#/definitions/${name}`);

const CONTEXT_CHECK = {
  type: 'object',
  required: ['@context'],
  properties: { '@context': { oneOf: [collections('contextValueFound'), collections('contextValueInArrayFound')] } },
};

/** Model §5.1, Annotation Collection. */
const COLLECTION_CHECKS: Record<string, object> = {
  '@context includes the W3C context': CONTEXT_CHECK,
  'has one id, an IRI': ref('id.json#/definitions/idValueFound'),
  'has type AnnotationCollection': collections('annotationCollectionTypeValueFound'),
  'has a label of strings': collections('labelFound'),
  'has one total, an integer ≥ 0': collections('totalFound'),
  'first, if present, is one IRI or AnnotationPage': collections('firstValidIfPresent'),
  'has first when total > 0': collections('firstRequiredIfTotalMoreThanZero'),
  'last, if present, is one IRI': collections('lastValidIfPresent'),
};

/** Model §5.2, Annotation Page (here the collection's embedded `first`). */
const PAGE_CHECKS: Record<string, object> = {
  'has one id, an IRI': ref('id.json#/definitions/idValueFound'),
  'has type AnnotationPage': collections('annotationPageTypeValueFound'),
  'has one startIndex, an integer ≥ 0': collections('startIndexFound'),
  'has items, each an IRI or an Annotation': collections('itemsFound'),
  'partOf, if present, is one IRI': collections('partOfValidIfPresent'),
  'next, if present, is one IRI': collections('nextValidIfPresent'),
  'prev, if present, is one IRI': collections('prevValidIfPresent'),
};

function failures(ajv: Ajv, checks: Record<string, object>, doc: unknown): string[] {
  return Object.entries(checks)
    .filter(([, schema]) => !ajv.validate(schema, doc))
    .map(([requirement]) => requirement);
}

/** The §5.1 requirements `collection` does not meet, in words. */
export function collectionFailures(ajv: Ajv, collection: unknown): string[] {
  return failures(ajv, COLLECTION_CHECKS, collection);
}

/** The §5.2 requirements `page` does not meet, in words. */
export function pageFailures(ajv: Ajv, page: unknown): string[] {
  return failures(ajv, PAGE_CHECKS, page);
}
