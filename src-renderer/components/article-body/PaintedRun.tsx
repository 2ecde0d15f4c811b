/**
 * One run of text with its highlights as nested `<mark>` elements. The marks carry
 * `data-annotation-id` (clicks find the highlight by it) and an accessible label naming the
 * colour's meaning (and ", claim" when it is evidence for a claim, also marked `is-claim`);
 * they add no text, so the block's textContent stays canonical.
 */
import type { ReactNode } from 'react';
import type { PaintNode, PaintRange } from './paint-segments';
import { paintRun } from './paint-segments';

export interface PaintedRunProps {
  text: string;
  /** Where the run starts in its block. */
  offset: number;
  ranges: readonly PaintRange[];
}

export function PaintedRun({ text, offset, ranges }: PaintedRunProps) {
  if (ranges.length === 0) return text;
  return paintedNodes(paintRun(text, offset, ranges));
}

/**
 * Plain elements, no component per mark: an article with 1,000 highlights has about 3,000
 * marks, and a component (with its context read) for each nearly doubled the work of painting.
 */
function paintedNodes(nodes: readonly PaintNode[]): ReactNode[] {
  return nodes.map((node, index) => {
    if (node.kind === 'text') return node.text;
    const { range } = node;
    if (range.kind === 'found') {
      return (
        <mark key={index} className={range.flashing ? 'found-passage found-flash' : 'found-passage'} data-found-passage="">
          {paintedNodes(node.children)}
        </mark>
      );
    }
    return (
      <mark key={index} className={`hl hl-${range.color}${range.claim ? ' is-claim' : ''}`} data-annotation-id={range.id} aria-label={range.label ?? `Highlight: ${range.color}`}>
        {paintedNodes(node.children)}
      </mark>
    );
  });
}
