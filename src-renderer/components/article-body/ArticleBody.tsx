/**
 * An article's body, rendered from its `ArticleDoc` tree as React elements (never as HTML
 * strings, so imported content can never run). Every leaf that contributes canonical text
 * carries `data-block="<n>"`, and its textContent is exactly that block's text: the blocks
 * joined by "\n\n" are the article's `text`, which highlights index. Highlights (offsets in
 * that text) are painted as nested `<mark>`s inside the blocks they cover.
 */
import { memo, useMemo } from 'react';
import type { MouseEventHandler } from 'react';
import type { ArticleDoc, Block, TableCell, TextLike } from '../../../src-main/common/article-doc';
import { normalizeDoc } from '../../../src-main/common/anchoring/canonical-text';
import { numberTextBlocks } from './block-numbers';
import { Inlines, type InlinesProps } from './Inlines';
import { PaintedRun, type PaintedRunProps } from './PaintedRun';
import { blockOffsets } from './block-offsets';
import type { PaintRange } from './paint-segments';
import { rangesByBlock, samePaint, sortRanges } from './paint-segments';

export interface ArticleBodyProps {
  doc: ArticleDoc;
  onLinkClick?: (href: string) => void;
  /** Highlights to paint, in offsets of the canonical text; zero-length ones are ignored. */
  highlights?: readonly PaintRange[];
  /** Extra class names (a comment rendered in the margin reuses this component). */
  className?: string;
  onClick?: MouseEventHandler<HTMLDivElement>;
}

interface BlockContext {
  numbers: Map<TextLike, number>;
  /** Each block's highlights, in block offsets. */
  paint: PaintRange[][];
  onLinkClick?: (href: string) => void;
}

const NO_HIGHLIGHTS: readonly PaintRange[] = [];

/*
 * A block's text is painted again only when its own highlights change: adding one highlight to
 * an article with 1,000 repaints the blocks it touches, not every block. (Each change rebuilds
 * every block's list of ranges, so they are compared by content.)
 */
const BlockInlines = memo(
  Inlines,
  (before: InlinesProps, after: InlinesProps) =>
    before.inlines === after.inlines && before.onLinkClick === after.onLinkClick && before.offset === after.offset && samePaint(before.ranges, after.ranges),
);
const BlockText = memo(
  PaintedRun,
  (before: PaintedRunProps, after: PaintedRunProps) => before.text === after.text && before.offset === after.offset && samePaint(before.ranges, after.ranges),
);

/**
 * Memoized: the reader renders again for things the body does not show (renaming the title,
 * a dialog opening), and the body's thousands of runs are not rebuilt for them.
 */
export const ArticleBody = memo(function ArticleBody({ doc, onLinkClick, highlights = NO_HIGHLIGHTS, className, onClick }: ArticleBodyProps) {
  // Stored docs are already normalized and normalizing is idempotent; doing it here anyway
  // keeps the rendered text equal to canonical text even for a doc that skipped it.
  const normalized = useMemo(() => normalizeDoc(doc), [doc]);
  const numbers = useMemo(() => numberTextBlocks(normalized), [normalized]);
  const offsets = useMemo(() => blockOffsets(normalized), [normalized]);
  const paint = useMemo(() => rangesByBlock(sortRanges(highlights), offsets.starts, offsets.lengths), [highlights, offsets]);
  const context: BlockContext = { numbers, paint, onLinkClick };
  return (
    // Clicks on painted marks bubble here (one listener for all of them); the marks themselves
    // are reached from the keyboard through their cards in the margin.
    <div className={className ? `article-body ${className}` : 'article-body'} onClick={onClick}>
      {renderBlocks(normalized.blocks, context)}
    </div>
  );
});

function blockRanges(context: BlockContext, leaf: TextLike): PaintRange[] | undefined {
  const number = context.numbers.get(leaf);
  return number === undefined ? undefined : context.paint[number];
}

function renderBlocks(blocks: Block[], context: BlockContext) {
  return blocks.map((block, index) => <BlockView key={index} block={block} context={context} />);
}

function BlockView({ block, context }: { block: Block; context: BlockContext }) {
  const { numbers, onLinkClick } = context;
  switch (block.type) {
    case 'paragraph':
      return (
        <p data-block={numbers.get(block)}>
          <BlockInlines inlines={block.children} onLinkClick={onLinkClick} ranges={blockRanges(context, block)} />
        </p>
      );
    case 'heading': {
      // The article's title is the page's one h1, so body headings sit one level below it
      // (a Markdown "# Heading" becomes an h2); `data-level` keeps the source level for styling.
      const Heading = `h${Math.min(block.level + 1, 6) as 2 | 3 | 4 | 5 | 6}` as const;
      return (
        <Heading data-level={block.level} data-block={numbers.get(block)}>
          <BlockInlines inlines={block.children} onLinkClick={onLinkClick} ranges={blockRanges(context, block)} />
        </Heading>
      );
    }
    case 'preformatted':
      return (
        <pre data-block={numbers.get(block)}>
          <BlockText text={block.text} offset={0} ranges={blockRanges(context, block) ?? NO_HIGHLIGHTS} />
        </pre>
      );
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
        return (
          <Cell key={cellIndex} scope={scope} data-block={context.numbers.get(cell)}>
            <BlockInlines inlines={cell.children} onLinkClick={context.onLinkClick} ranges={blockRanges(context, cell)} />
          </Cell>
        );
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
