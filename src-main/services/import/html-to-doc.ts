/**
 * Sanitized HTML (as a DOM) → article tree. Only the shapes the reader renders survive:
 * headings, paragraphs, lists, quotes, tables, preformatted code and inline emphasis, code and
 * links (kept only for http, https and mailto). Everything else gives up its text and no more.
 *
 * Written against a structural view of the DOM so it runs on jsdom's nodes without a
 * browser and stays a pure function of the tree it is given.
 */
import type { ArticleDoc, Block, Inline, InlineContainer, TableCell } from '../../common/article-doc';
import { normalizeDoc } from '../../common/anchoring/canonical-text';
import { SAFE_LINK } from '../../common/schema';

/** The little of the DOM this walk reads. */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const INLINE_CONTAINERS: Record<string, Exclude<InlineContainer['type'], 'link'>> = {
  EM: 'emphasis',
  I: 'emphasis',
  CITE: 'emphasis',
  DFN: 'emphasis',
  STRONG: 'strong',
  B: 'strong',
  S: 'strike',
  DEL: 'strike',
  STRIKE: 'strike',
  SUB: 'sub',
  SUP: 'sup',
};

/** Elements that start a new block; anything else is inline and flows into the current paragraph. */
const BLOCK_ELEMENTS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P',
  'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'UL', 'BODY', 'HTML',
]);

const children = (node: DomNode): DomNode[] => Array.from(node.childNodes);
const isElement = (node: DomNode) => node.nodeType === ELEMENT_NODE;

export function htmlToDoc(root: DomNode): ArticleDoc {
  return normalizeDoc({ blocks: blocksOf(root) });
}

function blocksOf(parent: DomNode): Block[] {
  return blocksOfNodes(children(parent));
}

function blocksOfNodes(nodes: DomNode[]): Block[] {
  const blocks: Block[] = [];
  let pending: Inline[] = [];
  const flush = () => {
    if (pending.length > 0) blocks.push({ type: 'paragraph', children: mergeTexts(pending) });
    pending = [];
  };
  for (const node of nodes) {
    if (isElement(node) && BLOCK_ELEMENTS.has(node.nodeName)) {
      flush();
      blocks.push(...blockOf(node));
    } else {
      pending.push(...inlinesOfNode(node));
    }
  }
  flush();
  return blocks;
}

function blockOf(element: DomNode): Block[] {
  const name = element.nodeName;
  if (/^H[1-6]$/.test(name)) {
    return [{ type: 'heading', level: Number(name[1]) as 1 | 2 | 3 | 4 | 5 | 6, children: inlinesOf(element) }];
  }
  switch (name) {
    case 'P':
      return [{ type: 'paragraph', children: inlinesOf(element) }];
    case 'PRE':
      return [{ type: 'preformatted', text: element.textContent ?? '' }];
    case 'BLOCKQUOTE':
      return [{ type: 'quote', children: blocksOf(element) }];
    case 'HR':
      return [{ type: 'rule' }];
    case 'UL':
    case 'OL':
      return [listOf(element)];
    case 'TABLE':
      return [{ type: 'table', rows: rowsOf(element) }];
    default:
      return blocksOf(element);
  }
}

function listOf(element: DomNode): Block {
  const ordered = element.nodeName === 'OL';
  const items: Block[][] = [];
  let loose: DomNode[] = [];
  for (const child of children(element)) {
    // Text or stray elements between items belong to no item; they become one of their own.
    if (isElement(child) && child.nodeName === 'LI') {
      if (loose.length > 0) items.push(blocksOfNodes(loose));
      loose = [];
      items.push(blocksOf(child));
    } else loose.push(child);
  }
  if (loose.length > 0) items.push(blocksOfNodes(loose));
  const list: Extract<Block, { type: 'list' }> = { type: 'list', ordered, items };
  const start = Number(element.getAttribute?.('start') ?? 1);
  if (ordered && Number.isInteger(start) && start !== 1) list.start = start;
  return list;
}

/** Rows of the table itself (its sections' rows included), not of tables nested in its cells. */
function rowsOf(table: DomNode): TableCell[][] {
  const rows: TableCell[][] = [];
  const visit = (node: DomNode) => {
    for (const child of children(node)) {
      if (!isElement(child)) continue;
      if (child.nodeName === 'TR') {
        rows.push(
          children(child)
            .filter((cell) => isElement(cell) && (cell.nodeName === 'TD' || cell.nodeName === 'TH'))
            .map((cell) => ({ header: cell.nodeName === 'TH', children: inlinesOf(cell) })),
        );
      } else if (['THEAD', 'TBODY', 'TFOOT'].includes(child.nodeName)) visit(child);
    }
  };
  visit(table);
  return rows;
}

function inlinesOf(parent: DomNode): Inline[] {
  return mergeTexts(children(parent).flatMap(inlinesOfNode));
}

/** Neighbouring text runs as one (unwrapped spans and dropped links leave them split). */
function mergeTexts(inlines: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const inline of inlines) {
    const last = merged.at(-1);
    if (inline.type === 'text' && last?.type === 'text') merged[merged.length - 1] = { type: 'text', text: last.text + inline.text };
    else merged.push(inline);
  }
  return merged;
}

function inlinesOfNode(node: DomNode): Inline[] {
  if (node.nodeType === TEXT_NODE) return node.textContent ? [{ type: 'text', text: node.textContent }] : [];
  if (!isElement(node)) return [];
  const name = node.nodeName;
  if (name === 'BR') return [{ type: 'break' }];
  if (name === 'CODE' || name === 'KBD' || name === 'SAMP') return [{ type: 'code', text: node.textContent ?? '' }];
  const container = INLINE_CONTAINERS[name];
  if (container) return [{ type: container, children: inlinesOf(node) }];
  if (name === 'A') {
    const href = node.getAttribute?.('href')?.trim() ?? '';
    return SAFE_LINK.test(href) ? [{ type: 'link', href, children: inlinesOf(node) }] : inlinesOf(node);
  }
  // A block inside inline content (a <div> in a <span>): its words join the run, set apart by a space.
  if (BLOCK_ELEMENTS.has(name)) return [{ type: 'text', text: ' ' }, ...inlinesOf(node), { type: 'text', text: ' ' }];
  return inlinesOf(node);
}
