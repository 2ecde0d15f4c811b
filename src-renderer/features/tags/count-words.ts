import { counted } from '../../../src-main/common/counted';
import type { KindCounts } from '../../../src-main/common/tags';

const WORDS: [keyof KindCounts, string, string][] = [
  ['article', 'article', 'articles'],
  ['annotation', 'highlight', 'highlights'],
  ['claim', 'claim', 'claims'],
  ['note', 'note', 'notes'],
];

/** "2 articles, 1 claim": what carries a tag, kind by kind, leaving out the kinds with none. */
export function countWords(counts: KindCounts): string {
  return WORDS.flatMap(([kind, one, many]) => (counts[kind] > 0 ? [counted(counts[kind], one, many)] : [])).join(', ');
}
