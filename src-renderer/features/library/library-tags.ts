/** Tags of the library's articles, for the tag filter and the bulk tag dialogs. */
import type { ArticleListing } from '../../../src-main/common/model';
import { withParents } from '../../../src-main/common/tags';

/** Every tag on these articles and every tag above one (`region` for `region/asia`), A to Z. */
export function tagsWithParents(articles: readonly Pick<ArticleListing, 'tags'>[]): string[] {
  return withParents(articles.flatMap((article) => article.tags));
}

/** The tags these articles carry, each with how many of them carry it, A to Z. */
export function tagCounts(articles: readonly Pick<ArticleListing, 'tags'>[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const article of articles) for (const tag of article.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => a.tag.localeCompare(b.tag));
}
