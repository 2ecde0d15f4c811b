/**
 * The stored form of an article's body: a small tree of blocks and inline runs.
 *
 * Why a tree and not HTML: the tree is validated by a schema, rendered by React without
 * `innerHTML` (so imported content can never execute), and its canonical text is a pure
 * function that gives the same answer in the main process, the renderer and tests without
 * a DOM. HTML is derived from it (see `doc-to-html.ts`) for exports and the API.
 */

/** Inline content inside a text block. */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'break' }
  | { type: 'code'; text: string }
  | { type: 'emphasis' | 'strong' | 'strike' | 'sub' | 'sup'; children: Inline[] }
  /** A link is kept as inert text with its URL; the reader never navigates the window. */
  | { type: 'link'; href: string; children: Inline[] };

export type InlineContainer = Extract<Inline, { children: Inline[] }>;

/** A leaf block: holds text and becomes one block of the canonical text. */
export type TextBlock =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: 'preformatted'; text: string };

export interface TableCell {
  header: boolean;
  children: Inline[];
}

export type Block =
  | TextBlock
  | { type: 'quote'; children: Block[] }
  | { type: 'list'; ordered: boolean; start?: number; items: Block[][] }
  | { type: 'table'; rows: TableCell[][] }
  | { type: 'rule' };

export interface ArticleDoc {
  blocks: Block[];
}

/** Where a text block sits in the tree, for renderers that need to identify it. */
export type TextLike = TextBlock | TableCell;

/**
 * Visits every leaf that contributes a block of canonical text, in document order.
 * The canonical text and every renderer use this one walk so their block order agrees.
 */
export function forEachTextBlock(doc: ArticleDoc, visit: (leaf: TextLike) => void): void {
  const walk = (blocks: Block[]): void => {
    for (const block of blocks) {
      switch (block.type) {
        case 'paragraph':
        case 'heading':
        case 'preformatted':
          visit(block);
          break;
        case 'quote':
          walk(block.children);
          break;
        case 'list':
          for (const item of block.items) walk(item);
          break;
        case 'table':
          for (const row of block.rows) for (const cell of row) visit(cell);
          break;
        case 'rule':
          break;
      }
    }
  };
  walk(doc.blocks);
}
