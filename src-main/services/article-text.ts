/**
 * The canonical text of an article's tree (what highlights are anchored in), worked out once
 * per tree. The store hands out the same tree until the article's text changes, and a new
 * text is a new tree, so a tree's text never goes stale; working it out took ~1 ms of each
 * highlight at 50 KB.
 */
import type { ArticleDoc } from '../common/article-doc';
import { canonicalText } from '../common/anchoring/canonical-text';

const texts = new WeakMap<ArticleDoc, string>();

export function articleText(doc: ArticleDoc): string {
  let text = texts.get(doc);
  if (text === undefined) {
    text = canonicalText(doc);
    texts.set(doc, text);
  }
  return text;
}
