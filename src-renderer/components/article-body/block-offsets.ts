import type { ArticleDoc } from '../../../src-main/common/article-doc';
import { BLOCK_SEPARATOR, textBlocks } from '../../../src-main/common/anchoring/canonical-text';

/**
 * Where each numbered block (see `numberTextBlocks`) starts in the canonical text, and how
 * long it is: block i starts after blocks 0…i-1 and one separator after each.
 * `doc` must be normalized, as `ArticleBody` renders it.
 */
export function blockOffsets(doc: ArticleDoc): { starts: number[]; lengths: number[] } {
  const lengths = textBlocks(doc).map((text) => text.length);
  const starts: number[] = [];
  let at = 0;
  for (const length of lengths) {
    starts.push(at);
    at += length + BLOCK_SEPARATOR.length;
  }
  return { starts, lengths };
}
