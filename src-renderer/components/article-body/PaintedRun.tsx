/**
 * One run of text with its highlights as nested `<mark>` elements. The marks carry
 * `data-annotation-id` (clicks find the highlight by it) and an accessible label naming the
 * colour's meaning (and ", claim" when it is evidence for a claim, also marked `is-claim`); they add no text, so the block's textContent stays canonical.
 */
import { useContext } from 'react';
import type { PaintNode, PaintRange } from './paint-segments';
import { paintRun } from './paint-segments';
import { PaintLookContext } from './paint-context';

export interface PaintedRunProps {
  text: string;
  /** Where the run starts in its block. */
  offset: number;
  ranges: readonly PaintRange[];
}

export function PaintedRun({ text, offset, ranges }: PaintedRunProps) {
  if (ranges.length === 0) return text;
  return <PaintNodes nodes={paintRun(text, offset, ranges)} />;
}

function PaintNodes({ nodes }: { nodes: PaintNode[] }) {
  const look = useContext(PaintLookContext);
  return nodes.map((node, index) => {
    if (node.kind === 'text') return node.text;
    if (node.range.kind === 'found') {
      return (
        <mark key={index} className={look.foundFlash ? 'found-passage found-flash' : 'found-passage'} data-found-passage="">
          <PaintNodes nodes={node.children} />
        </mark>
      );
    }
    const { id, color } = node.range;
    const classes = ['hl', `hl-${color}`];
    if (look.selectedId === id) classes.push('hl-selected');
    if (look.flashId === id) classes.push('hl-flash');
    const claim = look.claimIds.has(id);
    if (claim) classes.push('is-claim');
    const label = `Highlight: ${look.meaningOf(color)}${claim ? ', claim' : ''}`;
    return (
      <mark key={index} className={classes.join(' ')} data-annotation-id={id} aria-label={label}>
        <PaintNodes nodes={node.children} />
      </mark>
    );
  });
}
