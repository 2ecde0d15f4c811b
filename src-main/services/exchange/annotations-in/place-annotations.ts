/**
 * Incoming annotations → where they go in the notebook: each matched to an article by its
 * sources and anchored in that article's text. Nothing is dropped silently: an annotation for
 * a page the notebook does not hold is counted under that page in `unmatched`, and one that
 * names an article but no passage in it is in `unplaceable` with the reason.
 */
import type { TextTarget } from '../../../common/anchoring/types';
import type { IncomingAnnotation } from '../exchange-types';
import { anchorIncoming } from './anchor-incoming';
import { articleMatcher, type PlaceableArticle } from './match-article';
import { urlMatchKey } from './normalise-url';

export interface PlacedAnnotation {
  incoming: IncomingAnnotation;
  articleId: string;
  target: TextTarget;
  /** False when the passage was not found: the target is the file's, and the highlight needs review. */
  anchored: boolean;
}

/** A page the file annotates that the notebook does not hold, with how many annotations are on it. */
export interface UnmatchedSource {
  source: string;
  title?: string;
  count: number;
}

export interface UnplaceableAnnotation {
  incoming: IncomingAnnotation;
  articleId: string;
  reason: string;
}

export interface Placement {
  placed: PlacedAnnotation[];
  unmatched: UnmatchedSource[];
  unplaceable: UnplaceableAnnotation[];
}

export function placeAnnotations(incoming: readonly IncomingAnnotation[], articles: readonly PlaceableArticle[]): Placement {
  const findArticle = articleMatcher(articles);
  const placement: Placement = { placed: [], unmatched: [], unplaceable: [] };
  const unmatched = new Map<string, UnmatchedSource>();
  for (const annotation of incoming) {
    const article = findArticle(annotation.sources);
    if (article === undefined) {
      // Grouped by the page's first address, written as the file wrote it the first time.
      const source = annotation.sources[0] ?? '(no address)';
      const key = urlMatchKey(source);
      const group = unmatched.get(key) ?? { source, count: 0 };
      group.count += 1;
      if (group.title === undefined && annotation.documentTitle !== undefined) group.title = annotation.documentTitle;
      unmatched.set(key, group);
      continue;
    }
    const anchoring = anchorIncoming(article.text, annotation);
    if ('reason' in anchoring) placement.unplaceable.push({ incoming: annotation, articleId: article.id, reason: anchoring.reason });
    else placement.placed.push({ incoming: annotation, articleId: article.id, ...anchoring });
  }
  placement.unmatched = [...unmatched.values()];
  return placement;
}
