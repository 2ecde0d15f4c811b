import type { ArticleDoc, TextLike } from '../../../src-main/common/article-doc';
import { forEachTextBlock } from '../../../src-main/common/article-doc';
import { leafText } from '../../../src-main/common/anchoring/canonical-text';

/**
 * Numbers the leaves that contribute a block of canonical text, in the one order
 * `forEachTextBlock` defines, so the n-th `[data-block]` on screen is the n-th block of the
 * article's `text`. Empty leaves get no number: canonical text leaves them out.
 */
export function numberTextBlocks(doc: ArticleDoc): Map<TextLike, number> {
  const numbers = new Map<TextLike, number>();
  forEachTextBlock(doc, (leaf) => {
    if (leafText(leaf) !== '') numbers.set(leaf, numbers.size);
  });
  return numbers;
}
