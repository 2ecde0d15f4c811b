/**
 * A text block's content as DOM nodes: its inline runs (emphasis, links, code, hard breaks)
 * with its highlights painted into them as nested `<mark>`s. Built with DOM calls rather than
 * React elements: an article with 1,000 highlights has about 2,400 marks and 5,000 text
 * nodes, and React spent ~300 ms creating and committing a fiber for each of them (in slices,
 * but the article waited for all of them), where building the same nodes takes a few tens.
 * The marks are made as `sweepRun` finds them, with no tree in between.
 *
 * Only text nodes and fixed elements are made, and attributes are set from the tree, never
 * parsed as HTML, so imported content can never run. Text is printed exactly as stored, so
 * the element's textContent is its block's canonical text: a hard break is a "\n" in a
 * `white-space: pre` span (a `<br>` would contribute nothing to textContent), and marks add
 * no text.
 */
import type { Inline, TextLike } from '../../../src-main/common/article-doc';
import { SAFE_LINK } from '../../../src-main/common/safe-link';
import type { PaintRange } from './paint-segments';
import { sweepRun } from './paint-segments';

const TAGS = { emphasis: 'em', strong: 'strong', strike: 's', sub: 'sub', sup: 'sup' } as const;

/**
 * Replaces `element`'s children with `leaf`'s text and the highlights that cover it.
 * `ranges` are the leaf's highlights in offsets of its own text, sorted by `compareRanges`.
 */
export function paintLeaf(element: Element, leaf: TextLike, ranges: readonly PaintRange[]): void {
  const fragment = element.ownerDocument.createDocumentFragment();
  if ('type' in leaf && leaf.type === 'preformatted') appendRun(fragment, leaf.text, 0, ranges);
  else appendInlines(fragment, leaf.children, 0, ranges);
  element.replaceChildren(fragment);
}

/** Appends `inlines`, the first of which starts at `offset` in its block; answers where they end. */
function appendInlines(parent: Node, inlines: readonly Inline[], offset: number, ranges: readonly PaintRange[]): number {
  let at = offset;
  for (const inline of inlines) at = appendInline(parent, inline, at, ranges);
  return at;
}

function appendInline(parent: Node, inline: Inline, offset: number, ranges: readonly PaintRange[]): number {
  const document = parent.ownerDocument!;
  switch (inline.type) {
    case 'text':
      appendRun(parent, inline.text, offset, ranges);
      return offset + inline.text.length;
    case 'break': {
      const span = parent.appendChild(document.createElement('span'));
      span.className = 'line-break';
      appendRun(span, '\n', offset, ranges);
      return offset + 1;
    }
    case 'code': {
      const code = parent.appendChild(document.createElement('code'));
      appendRun(code, inline.text, offset, ranges);
      return offset + inline.text.length;
    }
    case 'link': {
      // Inert: the body's click handler keeps the window from navigating (see ArticleBody).
      // Stored links are already limited to these schemes; checked again as a second line.
      const link = parent.appendChild(document.createElement('a'));
      if (SAFE_LINK.test(inline.href)) {
        link.setAttribute('href', inline.href);
        link.setAttribute('title', inline.href);
      }
      link.setAttribute('rel', 'noreferrer noopener');
      return appendInlines(link, inline.children, offset, ranges);
    }
    default: {
      const element = parent.appendChild(document.createElement(TAGS[inline.type]));
      return appendInlines(element, inline.children, offset, ranges);
    }
  }
}

/** One run of text that starts at `offset` in its block, with the marks that cover it. */
function appendRun(parent: Node, text: string, offset: number, ranges: readonly PaintRange[]): void {
  const document = parent.ownerDocument!;
  if (ranges.length === 0) {
    if (text !== '') parent.appendChild(document.createTextNode(text));
    return;
  }
  sweepRun<Node>(
    text,
    offset,
    ranges,
    (range, into) => (into ?? parent).appendChild(markFor(document, range)),
    (piece, into) => {
      (into ?? parent).appendChild(document.createTextNode(piece));
    },
  );
}

/** An empty mark for a highlight, or for found words (which are marked but are no highlight). */
function markFor(document: Document, range: PaintRange): HTMLElement {
  const mark = document.createElement('mark');
  if (range.kind === 'found') {
    mark.className = range.flashing ? 'found-passage found-flash' : 'found-passage';
    mark.setAttribute('data-found-passage', '');
  } else {
    // The label names the colour's meaning (and ", claim" for evidence of a claim).
    mark.className = `hl hl-${range.color}${range.claim ? ' is-claim' : ''}`;
    mark.setAttribute('data-annotation-id', range.id);
    mark.setAttribute('aria-label', range.label ?? `Highlight: ${range.color}`);
  }
  return mark;
}
