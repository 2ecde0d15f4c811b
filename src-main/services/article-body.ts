/** Turns what the user gave (plain text or Markdown) into the stored body of an article. */
import type { ArticleDoc } from '../common/article-doc';
import { canonicalText, textBlocks } from '../common/anchoring/canonical-text';
import { NotebookError } from '../common/errors';
import { markdownToDoc } from '../common/markdown-to-doc';
import { MAX_TITLE } from '../common/schema';
import { textToDoc } from '../common/text-to-doc';

export interface ArticleBody {
  doc: ArticleDoc;
  original: string;
  wordCount: number;
  /** A title taken from the content, for when the user gave none. */
  suggestedTitle: string;
}

const TITLE_FROM_CONTENT = 120;

export function buildArticleBody(format: 'text' | 'markdown', content: string): ArticleBody {
  const body = bodyOfDoc(format === 'markdown' ? markdownToDoc(content) : textToDoc(content), content);
  if (body.wordCount === 0) {
    throw new NotebookError('invalid_argument', 'This article has no readable text: paste or type some words.');
  }
  return body;
}

/** The stored body for a tree built from any source, with `original` kept as given. */
export function bodyOfDoc(doc: ArticleDoc, original: string): ArticleBody {
  const text = canonicalText(doc);
  const heading = doc.blocks.find((block) => block.type === 'heading');
  const firstLine = heading ? textBlocks({ blocks: [heading] })[0]! : text.split('\n')[0]!;
  return {
    doc,
    original,
    wordCount: text.split(/\s+/).filter(Boolean).length,
    suggestedTitle: shorten(firstLine ?? '', Math.min(TITLE_FROM_CONTENT, MAX_TITLE)),
  };
}

/**
 * The body without a leading heading that repeats the article's title: pasted Markdown often
 * starts with "# Title", and the reader already shows the title above the text.
 */
export function withoutTitleHeading(doc: ArticleDoc, title: string): ArticleDoc {
  const [first, ...rest] = doc.blocks;
  if (first?.type !== 'heading' || rest.length === 0) return doc;
  const heading = textBlocks({ blocks: [first] })[0] ?? '';
  return heading.replace(/\s+/g, ' ').trim() === title ? { blocks: rest } : doc;
}

/** Cuts at a word boundary and marks the cut with an ellipsis. */
export function shorten(line: string, max: number): string {
  const clean = line.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
