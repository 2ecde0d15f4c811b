/**
 * Sanitized HTML (as a DOM) → article tree. Only the shapes the reader renders survive:
 * headings, paragraphs, lists, quotes, tables, preformatted code and inline emphasis, code and
 * links (kept only for http, https and mailto). Everything else gives up its text and no more.
 *
 * Written against a structural view of the DOM so it runs on jsdom's nodes without a
 * browser and stays a pure function of the tree it is given.
 *
 * The walk is iterative and visits each node once: a page nested 20,000 elements deep cannot
 * overflow the call stack, and a 40,000-cell table costs no more per cell than a small one.
 * The tree it makes is at most `MAX_DOC_DEPTH` containers deep, because everything downstream
 * (canonical text, the schema, the reader's rendering, exports) walks it recursively: past
 * that depth a quote, list or emphasis gives its content to the container around it.
 */
import type { ArticleDoc, Block, Inline, InlineContainer, TableCell } from '../../common/article-doc';
import { normalizeDoc } from '../../common/anchoring/canonical-text';
import { SAFE_LINK } from '../../common/safe-link';

/** The little of the DOM this walk reads. */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

/** How many quotes, lists and inline containers may nest in an imported article. */
export const MAX_DOC_DEPTH = 32;

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
export const BLOCK_ELEMENTS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P',
  'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'UL', 'BODY', 'HTML',
]);

const TABLE_SECTIONS = new Set(['THEAD', 'TBODY', 'TFOOT']);
const HEADING = /^H[1-6]$/;

const children = (node: DomNode): DomNode[] => Array.from(node.childNodes);
const isElement = (node: DomNode) => node.nodeType === ELEMENT_NODE;

/**
 * Work still to do, innermost last. A frame writes into its own target array; a frame that
 * shares its parent's target (an unwrapped element) is pushed on top of the parent and so
 * finishes before the parent goes on, which keeps document order.
 */
type Frame =
  | { kind: 'blocks'; target: Block[]; nodes: DomNode[]; next: number; depth: number; pending: Inline[] }
  | { kind: 'inlines'; target: Inline[]; nodes: DomNode[]; next: number; depth: number }
  | { kind: 'text'; target: Inline[]; text: string };

export function htmlToDoc(root: DomNode): ArticleDoc {
  const blocks: Block[] = [];
  const stack: Frame[] = [blocksFrame(blocks, children(root), 0)];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.kind === 'text') {
      stack.pop();
      appendText(frame.target, frame.text);
    } else if (frame.next >= frame.nodes.length) {
      stack.pop();
      if (frame.kind === 'blocks') flushParagraph(frame);
    } else if (frame.kind === 'blocks') {
      stepBlocks(frame, frame.nodes[frame.next++]!, stack);
    } else {
      stepInlines(frame.target, frame.nodes[frame.next++]!, frame.depth, stack);
    }
  }
  return normalizeDoc({ blocks });
}

const blocksFrame = (target: Block[], nodes: DomNode[], depth: number): Frame => ({ kind: 'blocks', target, nodes, next: 0, depth, pending: [] });
const inlinesFrame = (target: Inline[], nodes: DomNode[], depth: number): Frame => ({ kind: 'inlines', target, nodes, next: 0, depth });

/** Inline content between blocks becomes a paragraph of its own. */
function flushParagraph(frame: Extract<Frame, { kind: 'blocks' }>): void {
  if (frame.pending.length > 0) frame.target.push({ type: 'paragraph', children: frame.pending });
  frame.pending = [];
}

function stepBlocks(frame: Extract<Frame, { kind: 'blocks' }>, node: DomNode, stack: Frame[]): void {
  if (!isElement(node) || !BLOCK_ELEMENTS.has(node.nodeName)) {
    stepInlines(frame.pending, node, frame.depth, stack);
    return;
  }
  flushParagraph(frame);
  const { target, depth } = frame;
  const name = node.nodeName;
  const nested = depth < MAX_DOC_DEPTH;
  if (HEADING.test(name) || name === 'P') {
    const block: Block = HEADING.test(name)
      ? { type: 'heading', level: Number(name[1]) as 1 | 2 | 3 | 4 | 5 | 6, children: [] }
      : { type: 'paragraph', children: [] };
    target.push(block);
    stack.push(inlinesFrame(block.children, children(node), depth));
  } else if (name === 'PRE') {
    target.push({ type: 'preformatted', text: node.textContent ?? '' });
  } else if (name === 'HR') {
    target.push({ type: 'rule' });
  } else if (name === 'BLOCKQUOTE' && nested) {
    const quote: Block = { type: 'quote', children: [] };
    target.push(quote);
    stack.push(blocksFrame(quote.children, children(node), depth + 1));
  } else if ((name === 'UL' || name === 'OL') && nested) {
    target.push(listOf(node, depth + 1, stack));
  } else if (name === 'TABLE') {
    target.push({ type: 'table', rows: rowsOf(node, depth, stack) });
  } else {
    // Any other block (and a quote or list past the depth limit) gives its blocks to this one.
    stack.push(blocksFrame(target, children(node), depth));
  }
}

/** A list whose items are filled by frames pushed on `stack` (each item is its own target). */
function listOf(element: DomNode, depth: number, stack: Frame[]): Block {
  const ordered = element.nodeName === 'OL';
  const items: Block[][] = [];
  let loose: DomNode[] = [];
  const addItem = (nodes: DomNode[]) => {
    const item: Block[] = [];
    items.push(item);
    stack.push(blocksFrame(item, nodes, depth));
  };
  for (const child of children(element)) {
    // Text or stray elements between items belong to no item; they become one of their own.
    if (isElement(child) && child.nodeName === 'LI') {
      if (loose.length > 0) addItem(loose);
      loose = [];
      addItem(children(child));
    } else loose.push(child);
  }
  if (loose.length > 0) addItem(loose);
  const list: Extract<Block, { type: 'list' }> = { type: 'list', ordered, items };
  const start = Number(element.getAttribute?.('start') ?? 1);
  if (ordered && Number.isInteger(start) && start !== 1) list.start = start;
  return list;
}

/** Rows of the table itself (its sections' rows included), not of tables nested in its cells. */
function rowsOf(table: DomNode, depth: number, stack: Frame[]): TableCell[][] {
  const rows: TableCell[][] = [];
  // Depth first in document order, without recursion: the next node to read is last.
  const todo = children(table).reverse();
  while (todo.length > 0) {
    const child = todo.pop()!;
    if (!isElement(child)) continue;
    if (child.nodeName === 'TR') rows.push(cellsOf(child, depth, stack));
    else if (TABLE_SECTIONS.has(child.nodeName)) {
      // One at a time: spreading a section of 100,000 rows into push() would overflow the stack.
      const rowsOfSection = children(child);
      for (let index = rowsOfSection.length - 1; index >= 0; index--) todo.push(rowsOfSection[index]!);
    }
  }
  return rows;
}

function cellsOf(row: DomNode, depth: number, stack: Frame[]): TableCell[] {
  const cells: TableCell[] = [];
  for (const cell of children(row)) {
    if (!isElement(cell) || (cell.nodeName !== 'TD' && cell.nodeName !== 'TH')) continue;
    const made: TableCell = { header: cell.nodeName === 'TH', children: [] };
    cells.push(made);
    stack.push(inlinesFrame(made.children, children(cell), depth));
  }
  return cells;
}

/** Adds a text run, joined to the run before it (unwrapped spans and dropped links leave them split). */
function appendText(target: Inline[], text: string): void {
  const last = target[target.length - 1];
  if (last?.type === 'text') last.text += text;
  else target.push({ type: 'text', text });
}

function stepInlines(target: Inline[], node: DomNode, depth: number, stack: Frame[]): void {
  if (node.nodeType === TEXT_NODE) {
    if (node.textContent) appendText(target, node.textContent);
    return;
  }
  if (!isElement(node)) return;
  const name = node.nodeName;
  if (name === 'BR') {
    target.push({ type: 'break' });
    return;
  }
  if (name === 'CODE' || name === 'KBD' || name === 'SAMP') {
    target.push({ type: 'code', text: node.textContent ?? '' });
    return;
  }
  const made = depth < MAX_DOC_DEPTH ? containerOf(node) : undefined;
  if (made) {
    target.push(made);
    stack.push(inlinesFrame(made.children, children(node), depth + 1));
    return;
  }
  // A block inside inline content (a <div> in a <span>): its words join the run, set apart by a space.
  if (BLOCK_ELEMENTS.has(name)) {
    appendText(target, ' ');
    stack.push({ kind: 'text', target, text: ' ' });
  }
  stack.push(inlinesFrame(target, children(node), depth));
}

/** The inline container an element becomes, if any (a link only to a safe address). */
function containerOf(element: DomNode): InlineContainer | undefined {
  const type = INLINE_CONTAINERS[element.nodeName];
  if (type) return { type, children: [] };
  if (element.nodeName !== 'A') return undefined;
  const href = element.getAttribute?.('href')?.trim() ?? '';
  return SAFE_LINK.test(href) ? { type: 'link', href, children: [] } : undefined;
}
