/** Plain text → article tree: blank lines separate paragraphs; all else is kept as typed. */
import type { ArticleDoc } from './article-doc';
import { normalizeDoc } from './anchoring/canonical-text';

export function textToDoc(text: string): ArticleDoc {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[\t\f ]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  return normalizeDoc({
    blocks: paragraphs.map((paragraph) => ({ type: 'paragraph', children: [{ type: 'text', text: paragraph }] })),
  });
}
