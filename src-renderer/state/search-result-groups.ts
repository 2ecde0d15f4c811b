/** Search results as the dialog shows them: grouped by kind, each group best first. */
import type { SearchKind, SearchResult } from '../../src-main/common/search-schema';

export const GROUP_LABELS: Record<SearchKind, string> = {
  article: 'Articles',
  annotation: 'Highlights',
  claim: 'Claims',
  note: 'Notes',
};

const ORDER: SearchKind[] = ['article', 'annotation', 'claim', 'note'];

export interface ResultGroup {
  kind: SearchKind;
  label: string;
  /** Each result with its index in the flat order the arrow keys walk. */
  items: { result: SearchResult; index: number }[];
}

export function groupResults(results: readonly SearchResult[]): ResultGroup[] {
  let index = 0;
  return ORDER.flatMap((kind) => {
    const items = results.filter((r) => r.kind === kind).map((result) => ({ result, index: index++ }));
    return items.length > 0 ? [{ kind, label: GROUP_LABELS[kind], items }] : [];
  });
}

/** The results in the order shown (grouped), for the arrow keys and Enter. */
export function shownOrder(results: readonly SearchResult[]): SearchResult[] {
  return groupResults(results).flatMap((group) => group.items.map((item) => item.result));
}
