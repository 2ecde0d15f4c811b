/**
 * One highlight → one W3C Web Annotation (https://www.w3.org/TR/annotation-model/). The passage
 * is the target, the comment and the tags are bodies, and what the W3C model has no word for
 * (colour, claims, citing notes, needs review) goes in Marginalia's own terms, which
 * w3c-annotations.ts documents and w3c-marginalia-context.json declares.
 */
import type { ReportHighlight, ReportSource } from './report';

/** The software that made the export, as the annotations' `generator`. */
export interface W3cGenerator {
  /** An IRI for the software, e.g. its homepage or a `urn:` naming the build. */
  id: string;
  name: string;
  homepage?: string;
}

interface W3cTextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/markdown';
}

type W3cSelector = { type: 'TextQuoteSelector'; exact: string } | { type: 'TextPositionSelector'; start: number; end: number };

interface W3cNodeRef {
  id: string;
  type: 'marginalia:Claim' | 'marginalia:Note';
}

/** The JSON this module writes; optional keys are left out rather than written empty. */
export interface W3cAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting';
  created: string;
  modified: string;
  generated: string;
  generator: W3cGenerator & { type: 'Software' };
  body?: W3cTextualBody[];
  target: { type: 'SpecificResource'; source: string; selector: W3cSelector[] };
  'marginalia:sourceTitle'?: string;
  'marginalia:paragraph'?: number;
  'marginalia:color': string;
  'marginalia:colorMeaning': string;
  'marginalia:needsReview'?: true;
  'marginalia:claims'?: (W3cNodeRef & { 'marginalia:statement': string })[];
  'marginalia:citedBy'?: (W3cNodeRef & { 'marginalia:title': string; 'marginalia:relation': string })[];
}

/**
 * A `urn:marginalia:<kind>:<id>` IRI. Ids are percent-encoded so that whatever a store holds,
 * the result stays a valid URI (the W3C model requires `id` values to be IRIs).
 */
function marginaliaUrn(kind: string, id: string): string {
  return `urn:marginalia:${kind}:${encodeURIComponent(id)}`;
}

/**
 * The article's own URL when it has one that parses, written the way WHATWG URL serialises it
 * (host in punycode, non-ASCII percent-encoded) so it is a URI and not only an IRI; otherwise
 * a Marginalia URN, since a passage in an imported file has no address on the web.
 */
function sourceIri(articleId: string, source: ReportSource | undefined): string {
  const url = source?.url;
  if (url !== undefined && URL.canParse(url)) return new URL(url).href;
  return marginaliaUrn('article', articleId);
}

function bodies(highlight: ReportHighlight): W3cTextualBody[] {
  const comment: W3cTextualBody[] =
    highlight.comment.trim() === '' ? [] : [{ type: 'TextualBody', value: highlight.comment, format: 'text/markdown', purpose: 'commenting' }];
  const tags = highlight.tags.map((tag): W3cTextualBody => ({ type: 'TextualBody', value: tag, purpose: 'tagging' }));
  return [...comment, ...tags];
}

/**
 * Both selectors, as Hypothesis stores them: the quote survives edits that move the passage,
 * the offsets disambiguate a quote that occurs twice. The report has no prefix or suffix, so
 * the quote selector carries `exact` alone. The offsets are Marginalia's: UTF-16 units in the
 * article's canonical text (what extraction kept), where the model counts code points in the
 * page as served; they agree for most prose, and a reader should check them against the quote,
 * as Hypothesis's anchoring does, before it trusts them.
 */
function selectors(highlight: ReportHighlight): W3cSelector[] {
  return [
    { type: 'TextQuoteSelector', exact: highlight.quote },
    { type: 'TextPositionSelector', start: highlight.start, end: highlight.end },
  ];
}

/** The annotation for one highlight; `generated` is when the export was made. */
export function highlightToW3c(highlight: ReportHighlight, source: ReportSource | undefined, generator: W3cGenerator, generated: string): W3cAnnotation {
  const body = bodies(highlight);
  const claims = highlight.claims.map((claim) => ({
    id: marginaliaUrn('claim', claim.id),
    type: 'marginalia:Claim' as const,
    'marginalia:statement': claim.statement,
  }));
  const citedBy = highlight.notes.map((note) => ({
    id: marginaliaUrn('note', note.id),
    type: 'marginalia:Note' as const,
    'marginalia:title': note.title,
    'marginalia:relation': note.relation,
  }));
  return {
    id: marginaliaUrn('annotation', highlight.id),
    type: 'Annotation',
    // A comment does not make it a commenting annotation: the act is still highlighting, and
    // the comment body says what it is for with its own `purpose`.
    motivation: 'highlighting',
    created: highlight.createdAt,
    modified: highlight.updatedAt,
    generated,
    generator: { id: generator.id, type: 'Software', name: generator.name, ...(generator.homepage === undefined ? {} : { homepage: generator.homepage }) },
    // The model lets an annotation have no body: leave the key out rather than write an empty list.
    ...(body.length === 0 ? {} : { body }),
    target: { type: 'SpecificResource', source: sourceIri(highlight.articleId, source), selector: selectors(highlight) },
    ...(source === undefined ? {} : { 'marginalia:sourceTitle': source.title }),
    ...(highlight.paragraph === null ? {} : { 'marginalia:paragraph': highlight.paragraph }),
    'marginalia:color': highlight.color,
    'marginalia:colorMeaning': highlight.colorMeaning,
    ...(highlight.needsReview ? { 'marginalia:needsReview': true as const } : {}),
    ...(claims.length === 0 ? {} : { 'marginalia:claims': claims }),
    ...(citedBy.length === 0 ? {} : { 'marginalia:citedBy': citedBy }),
  };
}
