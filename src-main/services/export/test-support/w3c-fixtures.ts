/**
 * What the W3C export's tests share: fixed export options, lookups into a collection, and a
 * report whose ids, addresses and text are awkward for a URI or a JSON-LD reader.
 */
import type { Report, ReportHighlight } from '../report';
import type { W3cAnnotation } from '../w3c-annotation';
import type { W3cAnnotationCollection, W3cExportOptions } from '../w3c-annotations';
import { sampleHighlights, sampleSources, sourceReport } from './sample-report';

export const OPTS: W3cExportOptions = {
  generator: { id: 'https://marginalia.app/', name: 'Marginalia', homepage: 'https://marginalia.app/' },
};

export function items(collection: W3cAnnotationCollection): W3cAnnotation[] {
  return collection.first?.items ?? [];
}

export function annotationOf(collection: W3cAnnotationCollection, highlightId: string): W3cAnnotation {
  const found = items(collection).find((item) => item.id === `urn:marginalia:annotation:${highlightId}`);
  if (found === undefined) throw new Error(`no annotation for ${highlightId}`);
  return found;
}

/**
 * An id with a space, a slash and a colon; an article URL with a non-Latin host, path and query;
 * one that does not parse; tags with spaces and accents; a comment of blanks; a scope label
 * with typographic quotes.
 */
export function awkwardReport(): Report {
  const odd: ReportHighlight = {
    ...sampleHighlights.asymmetry,
    id: 'ann odd/one:1',
    articleId: 'art_unicode',
    color: 'orange',
    tags: ['two words', 'ünïcode'],
    comment: '   ',
  };
  const unparsable: ReportHighlight = { ...sampleHighlights.lost, id: 'ann_unparsable', articleId: 'art_bad_url' };
  const unicodeSource = { ...sampleSources[0]!, id: 'art_unicode', url: 'https://пример.рф/статья?q=ü', highlights: [odd] };
  const badUrlSource = { ...sampleSources[1]!, id: 'art_bad_url', url: 'not a url', highlights: [unparsable] };
  return { ...sourceReport, scopeLabel: 'Whole notebook: “all”', sources: [unicodeSource, badUrlSource] };
}
