/**
 * One query against the index: rank, then describe the best of each kind, checking phrases
 * against the text of at most a bounded number of articles so a common word stays fast.
 */
import type { SearchFilters, SearchKind, SearchResult } from '../../common/search-schema';
import { describeResult } from './describe-result';
import type { ParsedQuery } from './parse-query';
import type { SearchIndex } from './search-index';

/** Results shown per kind. */
export const PER_KIND = 20;
/** Articles whose text a query may read to check phrases and cut snippets. */
const ARTICLE_CHECKS = 60;

export async function runQuery(
  index: SearchIndex,
  query: ParsedQuery,
  filters: SearchFilters,
  articleText: (id: string) => Promise<string | null>,
): Promise<SearchResult[]> {
  const shown = new Map<SearchKind, number>();
  const results: SearchResult[] = [];
  let articleChecks = 0;
  const context = { query, articleText, meta: (id: string) => index.meta(id) };
  const ranking = index.rank(query, filters);
  try {
    for (let candidate = ranking.next(); candidate; candidate = ranking.next()) {
      const kind = candidate.meta.kind;
      if (kind === 'article' && ++articleChecks >= ARTICLE_CHECKS) ranking.finish(kind);
      const result = await describeResult(candidate.meta, context);
      if (!result) continue;
      results.push(result);
      shown.set(kind, (shown.get(kind) ?? 0) + 1);
      if (shown.get(kind) === PER_KIND) ranking.finish(kind);
      if (results.length >= PER_KIND * 4) break;
    }
  } finally {
    ranking.close();
  }
  return results;
}
