/**
 * Which articles the library shows, in which order: a pure function of the listing, the
 * person's view (sort and filters) and the window's tag filter. Shared by the window, which
 * sorts and filters the whole list, and the main side, which answers the first rows of the
 * same view before the whole list has reached the window.
 */
import { compareIsoTimes } from './iso-times';
import type { ArticleListing, ArticleMeta } from './model';
import type { LibraryView } from './library-view-defaults';
import { hasTag } from './tags';

export { SORT_KEYS, initialLibraryView, type LibraryView, type SortKey } from './library-view-defaults';

/** Where an article comes from, as the list shows it: its publisher, else how it came in. */
export function sourceOf(article: Pick<ArticleListing, 'siteName' | 'source'>): string {
  return article.siteName?.trim() || article.source;
}

// One collator for every comparison: `localeCompare` builds one per call, which is what
// makes sorting 10,000 titles slow. Numeric, so "Part 10" comes after "Part 9". Made when first
// needed: the window's first rows come sorted, and building it loads ICU's collation.
let collator: Intl.Collator | undefined;
const collate = (a: string, b: string) => (collator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })).compare(a, b);

type Sortable = Pick<ArticleMeta, 'id' | 'title' | 'createdAt' | 'publishedAt' | 'siteName' | 'source'>;

/** Compares two articles by the view's key; dates missing last whichever way round. */
function comparer(view: Pick<LibraryView, 'sort' | 'descending'>): (a: Sortable, b: Sortable) => number {
  const sign = view.descending ? -1 : 1;
  const byTitle = (a: Sortable, b: Sortable) => collate(a.title, b.title);
  switch (view.sort) {
    case 'title':
      return (a, b) => sign * byTitle(a, b) || a.id.localeCompare(b.id);
    case 'source':
      return (a, b) => sign * collate(sourceOf(a), sourceOf(b)) || byTitle(a, b);
    case 'published':
      return (a, b) => {
        if (!a.publishedAt || !b.publishedAt) return (a.publishedAt ? -1 : 0) + (b.publishedAt ? 1 : 0) || byTitle(a, b);
        return sign * compareIsoTimes(a.publishedAt, b.publishedAt) || byTitle(a, b);
      };
    case 'added':
      return (a, b) => sign * compareIsoTimes(a.createdAt, b.createdAt) || byTitle(a, b);
  }
}

/** Whether an article passes every filter of the view and the tag filter. */
function filterOf(view: LibraryView, tag: string | null, keepUnread: string | null): (article: ArticleMeta, annotationCount: number) => boolean {
  return (article, annotationCount) =>
    (!view.unread || !article.openedAt || article.id === keepUnread) &&
    (!view.annotated || annotationCount > 0) &&
    (view.source === null || sourceOf(article) === view.source) &&
    (tag === null || hasTag(article.tags, tag));
}

/**
 * The articles to show: those passing every filter, sorted. The input is not changed.
 * `keepUnread` still counts as unread (see `useShownArticles`).
 */
export function viewArticles(articles: readonly ArticleListing[], view: LibraryView, tag: string | null, keepUnread: string | null = null): ArticleListing[] {
  const passes = filterOf(view, tag, keepUnread);
  return articles.filter((article) => passes(article, article.annotationCount)).sort(comparer(view));
}

/**
 * The first `limit` rows `viewArticles` shows, from the articles' metadata and their counts,
 * without a listing for each article or a sort of them all: at 50,000 articles building and
 * sorting every listing took the main side ~0.5 s before it could answer a window's first rows.
 * Ties keep the input's order, as the (stable) sort does.
 */
export function firstOfView(
  articles: readonly ArticleMeta[],
  countOf: (id: string) => number,
  view: LibraryView,
  tag: string | null,
  limit: number,
): ArticleListing[] {
  const passes = filterOf(view, tag, null);
  const compare = comparer(view);
  const best: ArticleMeta[] = [];
  for (const article of articles) {
    if (!passes(article, countOf(article.id))) continue;
    if (best.length === limit && compare(article, best[limit - 1]!) >= 0) continue;
    // After every row it ties with: those came first in the input.
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compare(article, best[middle]!) < 0) high = middle;
      else low = middle + 1;
    }
    best.splice(low, 0, article);
    if (best.length > limit) best.pop();
  }
  return best.map((article) => listingOf(article, countOf));
}

/** What the window is sent of an article: a copy of its metadata, with its highlight count. */
export function listingOf(article: ArticleMeta, countOf: (id: string) => number): ArticleListing {
  return { ...article, tags: [...article.tags], annotationCount: countOf(article.id) };
}

/**
 * One page of the whole list: the `limit` articles whose ids come after `after` (from the
 * start when null), in id order. Ids are unique and never change, so pages asked one after
 * another neither repeat nor skip an article that stayed; one added or removed meanwhile
 * reaches the window through the change feed. `ids` are every article's, sorted.
 */
export function pageOfIds(ids: readonly string[], metaOf: (id: string) => ArticleMeta, countOf: (id: string) => number, after: string | null, limit: number): ArticleListing[] {
  let from = 0;
  if (after !== null) {
    // The first id past `after`.
    let to = ids.length;
    while (from < to) {
      const middle = (from + to) >>> 1;
      if (ids[middle]! <= after) from = middle + 1;
      else to = middle;
    }
  }
  return ids.slice(from, from + limit).map((id) => listingOf(metaOf(id), countOf));
}

/** Every source in the listing with how many articles it has, A to Z (for the source filter). */
export function sourcesOf(articles: readonly ArticleListing[]): { source: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const article of articles) counts.set(sourceOf(article), (counts.get(sourceOf(article)) ?? 0) + 1);
  return [...counts].map(([source, count]) => ({ source, count })).sort((a, b) => collate(a.source, b.source));
}
