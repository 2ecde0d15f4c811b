/**
 * What the Markdown and HTML report tests share: reading rendered HTML back as a reader would
 * (a block quote's words, line breaks included).
 */
import { JSDOM } from 'jsdom';

export function parseHtml(html: string): Document {
  return new JSDOM(html).window.document;
}

/** An element's visible words: `<br>` as a line break, paragraphs apart by a blank line. */
export function blockText(element: Element): string {
  const paragraphs = Array.from(element.querySelectorAll('p'));
  const parts = paragraphs.length > 0 ? paragraphs : [element];
  return parts.map((part) => lineText(part).trim()).join('\n\n');
}

function lineText(node: Node): string {
  if (node.nodeName === 'BR') return '\n';
  if (node.nodeType === node.TEXT_NODE) return (node.textContent ?? '').replace(/\s*\n\s*/g, ' ');
  return Array.from(node.childNodes).map(lineText).join('').replace(/ ?\n ?/g, '\n');
}

/** The blockquotes of a document, read as text. */
export function quotesIn(document: Document): string[] {
  return Array.from(document.querySelectorAll('blockquote')).map(blockText);
}
