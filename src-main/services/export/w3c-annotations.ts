/**
 * Report → W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/): one
 * `AnnotationCollection` whose `first` page embeds one `Annotation` per highlight, so any tool
 * that reads the W3C model (Hypothesis, Recogito, a triple store) can take the passages, the
 * comments and the tags without knowing Marginalia. By source, every highlight of every source;
 * by claim, each evidence passage once, however many claims cite it.
 *
 * The `@context` is the W3C one followed by Marginalia's, written inline (not as a URL) so the
 * file expands offline and does not depend on a server staying up. Marginalia's terms, all in
 * the namespace https://marginalia.app/ns/anno# (prefix `marginalia:`), on each Annotation:
 *
 * - `marginalia:sourceTitle`  title of the article the target's `source` names; an article
 *                             without a URL is a `urn:marginalia:article:…` that means nothing
 *                             outside Marginalia, so its title travels with it.
 * - `marginalia:paragraph`    1-based number of the paragraph the passage starts in; absent
 *                             when the passage needs review.
 * - `marginalia:color`        the highlight colour (yellow, green, blue, pink, purple, orange).
 * - `marginalia:colorMeaning` what that colour means in the notebook's legend, e.g. "Evidence".
 * - `marginalia:needsReview`  `true` when the passage was not found in the article's current
 *                             text, so the selectors describe where it was; absent otherwise.
 * - `marginalia:claims`       the claims the passage is evidence for, each a node of type
 *                             `marginalia:Claim` with `id` (`urn:marginalia:claim:…`) and
 *                             `marginalia:statement` (the claim's text); absent when none.
 * - `marginalia:citedBy`      the notes that cite the passage, each a node of type
 *                             `marginalia:Note` with `id` (`urn:marginalia:note:…`),
 *                             `marginalia:title` and `marginalia:relation` (supports,
 *                             contradicts, questions or context); absent when none.
 *
 * Classes: `marginalia:Claim` (a claim in the notebook), `marginalia:Note` (a note).
 */
import type { Report, ReportHighlight } from './report';
import { highlightToW3c, type W3cAnnotation, type W3cGenerator } from './w3c-annotation';
import marginaliaContext from './w3c-marginalia-context.json';

export const W3C_ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface W3cExportOptions {
  generator: W3cGenerator;
  /** The collection's IRI; by default a `urn:marginalia:export:…` made from the report. */
  id?: string;
}

/** What `reportToW3c` returns, typed for callers that read it back (tests, a preview). */
export interface W3cAnnotationCollection {
  '@context': [typeof W3C_ANNO_CONTEXT, (typeof marginaliaContext)['@context']];
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first?: { id: string; type: 'AnnotationPage'; startIndex: 0; items: W3cAnnotation[] };
}

/** The highlights the report shows, each once, in the order it shows them. */
function reportHighlights(report: Report): ReportHighlight[] {
  const listed = report.shape === 'source' ? report.sources.flatMap((source) => source.highlights) : report.claims.flatMap((claim) => claim.evidence);
  const byId = new Map<string, ReportHighlight>();
  for (const highlight of listed) if (!byId.has(highlight.id)) byId.set(highlight.id, highlight);
  return [...byId.values()];
}

/** Same report, same id, so re-exporting does not look like a new collection. */
function defaultCollectionId(report: Report): string {
  return `urn:marginalia:export:${report.shape}:${encodeURIComponent(report.scopeLabel)}:${report.generatedAt}`;
}

/** The page lives inside the collection's document, so it is named as a fragment of it. */
function pageId(collectionId: string): string {
  return collectionId.includes('#') ? `${collectionId}-page-1` : `${collectionId}#page-1`;
}

/** The report as one AnnotationCollection with a single embedded page. */
export function reportToW3c(report: Report, opts: W3cExportOptions): W3cAnnotationCollection {
  const sources = new Map(report.sources.map((source) => [source.id, source]));
  const items = reportHighlights(report).map((highlight) => highlightToW3c(highlight, sources.get(highlight.articleId), opts.generator, report.generatedAt));
  const id = opts.id ?? defaultCollectionId(report);
  return {
    '@context': [W3C_ANNO_CONTEXT, marginaliaContext['@context']],
    id,
    type: 'AnnotationCollection',
    label: report.scopeLabel,
    total: items.length,
    // The model requires `first` only when there are annotations; an empty page would say nothing.
    ...(items.length === 0 ? {} : { first: { id: pageId(id), type: 'AnnotationPage' as const, startIndex: 0 as const, items } }),
  };
}

/** `reportToW3c` as the text of a `.jsonld` file: two-space indent, final newline. */
export function reportToW3cJson(report: Report, opts: W3cExportOptions): string {
  return `${JSON.stringify(reportToW3c(report, opts), null, 2)}\n`;
}
