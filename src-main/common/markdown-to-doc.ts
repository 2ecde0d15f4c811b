/**
 * Markdown → article tree, through markdown-it's token stream with raw HTML disabled:
 * HTML in the source stays visible text and never becomes markup.
 */
import MarkdownIt from 'markdown-it';
import type { ArticleDoc, Block, Inline, InlineContainer, TableCell } from './article-doc';
import { normalizeDoc } from './anchoring/canonical-text';
import { SAFE_LINK } from './safe-link';

/** Made when first needed: building it is ~7 ms of the window's start, which parses no Markdown. */
let markdown: InstanceType<typeof MarkdownIt> | undefined;
const parser = () => (markdown ??= new MarkdownIt({ html: false, linkify: true, typographer: false }));

type Token = ReturnType<ReturnType<typeof parser>['parse']>[number];

type BlockFrame =
  | { kind: 'blocks'; blocks: Block[] }
  | { kind: 'list'; list: Extract<Block, { type: 'list' }> }
  | { kind: 'table'; table: Extract<Block, { type: 'table' }> };

export function markdownToDoc(source: string): ArticleDoc {
  const root: Block[] = [];
  const stack: BlockFrame[] = [{ kind: 'blocks', blocks: root }];
  const top = () => stack[stack.length - 1]!;
  const sink = (): Block[] => {
    const frame = top();
    if (frame.kind !== 'blocks') throw new Error(`markdown: block inside ${frame.kind}`);
    return frame.blocks;
  };
  let pendingText: Extract<Block, { type: 'paragraph' | 'heading' }> | TableCell | undefined;

  for (const token of parser().parse(source, {})) {
    switch (token.type) {
      case 'paragraph_open':
        pendingText = { type: 'paragraph', children: [] };
        break;
      case 'heading_open':
        pendingText = { type: 'heading', level: headingLevel(token.tag), children: [] };
        break;
      case 'th_open':
      case 'td_open':
        pendingText = { header: token.type === 'th_open', children: [] };
        break;
      case 'inline':
        if (pendingText) pendingText.children = inlines(token.children ?? []);
        break;
      case 'paragraph_close':
      case 'heading_close':
        if (pendingText && 'type' in pendingText) sink().push(pendingText);
        pendingText = undefined;
        break;
      case 'th_close':
      case 'td_close': {
        const frame = top();
        if (frame.kind === 'table' && pendingText && !('type' in pendingText)) frame.table.rows.at(-1)?.push(pendingText);
        pendingText = undefined;
        break;
      }
      case 'fence':
      case 'code_block':
        sink().push({ type: 'preformatted', text: token.content });
        break;
      case 'hr':
        sink().push({ type: 'rule' });
        break;
      case 'blockquote_open': {
        const quote: Block = { type: 'quote', children: [] };
        sink().push(quote);
        stack.push({ kind: 'blocks', blocks: quote.children });
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = token.type === 'ordered_list_open';
        const start = Number(token.attrGet('start') ?? 1);
        const list: Extract<Block, { type: 'list' }> = { type: 'list', ordered, items: [] };
        if (ordered && start !== 1) list.start = start;
        sink().push(list);
        stack.push({ kind: 'list', list });
        break;
      }
      case 'list_item_open': {
        const frame = top();
        const item: Block[] = [];
        if (frame.kind === 'list') frame.list.items.push(item);
        stack.push({ kind: 'blocks', blocks: item });
        break;
      }
      case 'table_open': {
        const table: Extract<Block, { type: 'table' }> = { type: 'table', rows: [] };
        sink().push(table);
        stack.push({ kind: 'table', table });
        break;
      }
      case 'tr_open': {
        const frame = top();
        if (frame.kind === 'table') frame.table.rows.push([]);
        break;
      }
      case 'blockquote_close':
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'list_item_close':
      case 'table_close':
        stack.pop();
        break;
      default:
        // thead/tbody/tr_close carry no content of their own.
        break;
    }
  }
  return normalizeDoc({ blocks: root });
}

function headingLevel(tag: string): 1 | 2 | 3 | 4 | 5 | 6 {
  const level = Number(tag.slice(1));
  return (level >= 1 && level <= 6 ? level : 6) as 1 | 2 | 3 | 4 | 5 | 6;
}

const CONTAINER_FOR: Record<string, InlineContainer['type']> = {
  em_open: 'emphasis',
  strong_open: 'strong',
  s_open: 'strike',
};

function inlines(tokens: Token[]): Inline[] {
  const root: Inline[] = [];
  // Each frame collects children; a link with an unsafe URL collects into a plain frame and
  // is unwrapped on close, so its words stay and the URL goes.
  const stack: { children: Inline[]; node?: InlineContainer }[] = [{ children: root }];
  const children = () => stack[stack.length - 1]!.children;

  for (const token of tokens) {
    const container = CONTAINER_FOR[token.type];
    if (container) {
      stack.push({ children: [], node: { type: container, children: [] } as InlineContainer });
      continue;
    }
    switch (token.type) {
      case 'text':
      case 'html_inline':
        children().push({ type: 'text', text: token.content });
        break;
      case 'softbreak':
        children().push({ type: 'text', text: ' ' });
        break;
      case 'hardbreak':
        children().push({ type: 'break' });
        break;
      case 'code_inline':
        children().push({ type: 'code', text: token.content });
        break;
      case 'image':
        // No images are loaded; the alternative text stands in for the picture.
        if (token.content) children().push({ type: 'text', text: token.content });
        break;
      case 'link_open': {
        const href = String(token.attrGet('href') ?? '');
        stack.push({ children: [], node: SAFE_LINK.test(href) ? { type: 'link', href, children: [] } : undefined });
        break;
      }
      case 'em_close':
      case 'strong_close':
      case 's_close':
      case 'link_close': {
        const frame = stack.length > 1 ? stack.pop()! : undefined;
        if (!frame) break;
        if (frame.node) children().push({ ...frame.node, children: frame.children });
        else children().push(...frame.children);
        break;
      }
      default:
        if (token.content) children().push({ type: 'text', text: token.content });
    }
  }
  return root;
}
