/**
 * An annotation's sources → the notebook article they name: `urn:marginalia:article:<id>` (what
 * Marginalia writes for an article without a URL) by id, any other address by its URL match
 * key. Sources are tried in the order the reader listed them, so the annotated page's own
 * address wins over its canonical link or scope.
 */
import { urlMatchKey } from './normalise-url';

/** What placing needs to know of an article. */
export interface PlaceableArticle {
  id: string;
  url?: string;
  /** The article's canonical text: what positions index and quotes are searched in. */
  text: string;
}

const ARTICLE_URN = /^urn:marginalia:article:/i;

export type ArticleMatcher = (sources: readonly string[]) => PlaceableArticle | undefined;

export function articleMatcher(articles: readonly PlaceableArticle[]): ArticleMatcher {
  const byId = new Map<string, PlaceableArticle>();
  const byUrl = new Map<string, PlaceableArticle>();
  for (const article of articles) {
    if (!byId.has(article.id)) byId.set(article.id, article);
    if (article.url !== undefined && article.url.trim() !== '') {
      const key = urlMatchKey(article.url);
      if (!byUrl.has(key)) byUrl.set(key, article);
    }
  }
  return (sources) => {
    for (const source of sources) {
      const id = articleIdOfSource(source);
      const article = id !== undefined ? byId.get(id) : byUrl.get(urlMatchKey(source));
      if (article) return article;
    }
    return undefined;
  };
}

/** The article id a `urn:marginalia:article:<id>` source names; undefined for any other source. */
export function articleIdOfSource(source: string): string | undefined {
  return ARTICLE_URN.test(source) ? decodeId(source.replace(ARTICLE_URN, '')) : undefined;
}

/** The export percent-encodes ids; a hand-edited URN may not be valid percent-encoding. */
function decodeId(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}
