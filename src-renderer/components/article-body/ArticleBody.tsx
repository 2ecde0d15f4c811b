/**
 * An article's body, rendered from its `ArticleDoc` tree (never from HTML strings, so imported
 * content can never run). React renders the blocks; each leaf that contributes canonical text
 * carries `data-block="<n>"`, and what is inside it (its inline runs, and the highlights,
 * offsets in the article's `text`, painted as nested `<mark>`s) is painted by
 * `LeafPainter`. Its textContent is exactly that block's text: the blocks joined by "\n\n"
 * are the article's `text`, which highlights index.
 */
import { memo, useMemo } from 'react';
import type { MouseEvent, MouseEventHandler } from 'react';
import type { ArticleDoc, Block, TableCell, TextLike } from '../../../src-main/common/article-doc';
import { forEachTextBlock } from '../../../src-main/common/article-doc';
import { normalizeDoc } from '../../../src-main/common/anchoring/canonical-text';
import { numberTextBlocks } from './block-numbers';
import { blockOffsets } from './block-offsets';
import type { PaintRange } from './paint-segments';
import { rangesByBlock, sortRanges } from './paint-segments';
import type { LeafPaint, LeafPainter, PainterEvents } from './leaf-painter';
import { useLeafPainter } from './useLeafPainter';

export interface ArticleBodyProps extends PainterEvents {
  doc: ArticleDoc;
  /** Told which link was clicked; the click itself never navigates the window. */
  onLinkClick?: (href: string) => void;
  /** Highlights to paint, in offsets of the canonical text; zero-length ones are ignored. */
  highlights?: readonly PaintRange[];
  /** Extra class names (a comment rendered in the margin reuses this component). */
  className?: string;
  onClick?: MouseEventHandler<HTMLDivElement>;
}

interface BlockContext {
  numbers: Map<TextLike, number>;
  /** Fills each leaf's element (see `LeafPainter.ref`). */
  painter: LeafPainter;
}

const NO_HIGHLIGHTS: readonly PaintRange[] = [];
const NO_RANGES: readonly PaintRange[] = [];

/**
 * The window must never navigate: imported links are inert until the person confirms opening
 * them in the system browser (a later feature); middle clicks are stopped too. One listener
 * on the body for every link in it, since the links are painted outside React.
 */
function linkOf(event: MouseEvent<HTMLDivElement>): HTMLAnchorElement | null {
  const link = event.target instanceof Element ? event.target.closest('a') : null;
  return link && event.currentTarget.contains(link) ? link : null;
}

/**
 * Memoized: the reader renders again for things the body does not show (renaming the title,
 * a dialog opening), and the body's blocks are not rendered again for them.
 */
export const ArticleBody = memo(function ArticleBody({ doc, onLinkClick, highlights = NO_HIGHLIGHTS, className, onClick, onPainting, onPainted }: ArticleBodyProps) {
  // Stored docs are already normalized and normalizing is idempotent; doing it here anyway
  // keeps the rendered text equal to canonical text even for a doc that skipped it.
  const normalized = useMemo(() => normalizeDoc(doc), [doc]);
  const numbers = useMemo(() => numberTextBlocks(normalized), [normalized]);
  const offsets = useMemo(() => blockOffsets(normalized), [normalized]);
  const leaves = useMemo(() => {
    const paint = rangesByBlock(sortRanges(highlights), offsets.starts, offsets.lengths);
    const list: LeafPaint[] = [];
    forEachTextBlock(normalized, (leaf) => {
      const number = numbers.get(leaf);
      list.push({ leaf, ranges: number === undefined ? NO_RANGES : (paint[number] ?? NO_RANGES) });
    });
    return list;
  }, [normalized, numbers, offsets, highlights]);
  const painter = useLeafPainter(leaves, { onPainting, onPainted });
  const context = useMemo<BlockContext>(() => ({ numbers, painter }), [numbers, painter]);
  const blocks = useMemo(() => renderBlocks(normalized.blocks, context), [normalized, context]);

  const onBodyClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = linkOf(event);
    if (link) {
      event.preventDefault();
      const href = link.getAttribute('href');
      if (href !== null) onLinkClick?.(href);
    }
    onClick?.(event);
  };
  const onAuxClick = (event: MouseEvent<HTMLDivElement>) => {
    if (linkOf(event)) event.preventDefault();
  };

  return (
    // Clicks on painted marks bubble here (one listener for all of them); the marks themselves
    // are reached from the keyboard through their cards in the margin.
    <div className={className ? `article-body ${className}` : 'article-body'} onClick={onBodyClick} onAuxClick={onAuxClick}>
      {blocks}
    </div>
  );
});

function renderBlocks(blocks: Block[], context: BlockContext) {
  return blocks.map((block, index) => <BlockView key={index} block={block} context={context} />);
}

/** A leaf's element is left empty here: the painter fills it. */
function BlockView({ block, context }: { block: Block; context: BlockContext }) {
  const { numbers, painter } = context;
  switch (block.type) {
    case 'paragraph':
      return <p ref={painter.ref(block)} data-block={numbers.get(block)} />;
    case 'heading': {
      // The article's title is the page's one h1, so body headings sit one level below it
      // (a Markdown "# Heading" becomes an h2); `data-level` keeps the source level for styling.
      const Heading = `h${Math.min(block.level + 1, 6) as 2 | 3 | 4 | 5 | 6}` as const;
      return <Heading ref={painter.ref(block)} data-level={block.level} data-block={numbers.get(block)} />;
    }
    case 'preformatted':
      return <pre ref={painter.ref(block)} data-block={numbers.get(block)} />;
    case 'quote':
      return <blockquote>{renderBlocks(block.children, context)}</blockquote>;
    case 'list': {
      const items = block.items.map((item, index) => <li key={index}>{renderBlocks(item, context)}</li>);
      return block.ordered ? <ol start={block.start}>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return <TableView rows={block.rows} context={context} />;
    case 'rule':
      return <hr />;
  }
}

function TableView({ rows, context }: { rows: TableCell[][]; context: BlockContext }) {
  // A first row made only of header cells becomes the table head, for styling and for
  // assistive technology; canonical order (row by row, cell by cell) is unchanged.
  const [first, ...rest] = rows;
  const hasHead = first !== undefined && first.length > 0 && first.every((cell) => cell.header);
  const renderRow = (row: TableCell[], index: number, inHead = false) => (
    <tr key={index}>
      {row.map((cell, cellIndex) => {
        const Cell = cell.header ? 'th' : 'td';
        const scope = cell.header ? (inHead ? 'col' : 'row') : undefined;
        return <Cell key={cellIndex} ref={context.painter.ref(cell)} scope={scope} data-block={context.numbers.get(cell)} />;
      })}
    </tr>
  );
  return (
    <div className="table-scroll">
      <table>
        {hasHead ? <thead>{renderRow(first, 0, true)}</thead> : null}
        <tbody>{(hasHead ? rest : rows).map((row, index) => renderRow(row, index))}</tbody>
      </table>
    </div>
  );
}
