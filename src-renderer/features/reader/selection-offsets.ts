/**
 * A DOM selection in the reader → offsets in the article's canonical text.
 *
 * This works because every `[data-block]` leaf's textContent is exactly its block of canonical
 * text (marks add none), and blocks are joined by "\n\n": a block's start is the sum of the
 * blocks before it plus one separator each, and a point inside a block is the number of
 * characters of text before it in that block. Points between blocks (in a list item's padding,
 * in the title) move to the nearest block edge inside the selection.
 */
import { BLOCK_SEPARATOR } from '../../../src-main/common/anchoring/canonical-text';

export interface TextOffsets {
  start: number;
  end: number;
}

const BLOCK = '[data-block]';

function blockOf(node: Node): Element | null {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest(BLOCK) ?? null;
}

/** Characters of `block`'s text before the point (node, offset). */
function offsetInBlock(block: Element, node: Node, offset: number): number {
  const before = block.ownerDocument.createRange();
  before.setStart(block, 0);
  before.setEnd(node, offset);
  return before.toString().length;
}

/**
 * The canonical offsets a range covers inside `root` (the article body), or null when it
 * covers no text of the article. `text` is the canonical text, used to trim white space at
 * both ends (a double click or a drag often takes a trailing space or a block break).
 */
export function rangeToOffsets(range: Range, root: Element, text: string): TextOffsets | null {
  const blocks = [...root.querySelectorAll(BLOCK)];
  if (blocks.length === 0) return null;
  const starts: number[] = [];
  let at = 0;
  for (const block of blocks) {
    starts.push(at);
    at += (block.textContent ?? '').length + BLOCK_SEPARATOR.length;
  }

  const point = (node: Node, offset: number, edge: 'start' | 'end'): number | null => {
    const block = blockOf(node);
    if (block && root.contains(block)) {
      const index = blocks.indexOf(block);
      return starts[index]! + offsetInBlock(block, node, offset);
    }
    // Outside any block: the first block after the point (for a start) or the last before it
    // (for an end) that the range still intersects.
    const candidates = edge === 'start' ? blocks.map((b, i) => [b, i] as const) : blocks.map((b, i) => [b, i] as const).reverse();
    for (const [block, index] of candidates) {
      if (!range.intersectsNode(block)) continue;
      return edge === 'start' ? starts[index]! : starts[index]! + (block.textContent ?? '').length;
    }
    return null;
  };

  let start = point(range.startContainer, range.startOffset, 'start');
  let end = point(range.endContainer, range.endOffset, 'end');
  if (start === null || end === null) return null;
  while (start < end && /\s/.test(text[start] ?? '')) start += 1;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
  return end > start ? { start, end } : null;
}

/** The selection's offsets when it lies (at least partly) in `root`, else null. */
export function selectionOffsets(selection: Selection | null, root: Element | null, text: string): TextOffsets | null {
  if (!selection || !root || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  return rangeToOffsets(range, root, text);
}
