/**
 * Canonical text: the one plain-text form of an article that selectors index.
 *
 * Rules (deterministic, no DOM needed):
 * - every text block (paragraph, heading, preformatted block, table cell) is one block;
 *   blocks are joined by "\n\n" in document order, empty blocks are left out;
 * - inside a block, runs of ASCII whitespace collapse to one space and the block is trimmed,
 *   as a browser lays out `white-space: normal`; a hard line break is "\n";
 * - preformatted blocks keep their whitespace (line endings become "\n", trailing newlines go);
 * - every other character, curly quotes and non-ASCII included, is kept exactly as it is.
 *
 * The stored document is normalized with `normalizeDoc` so that a renderer that prints the
 * tree's text as it is shows exactly the canonical text, block by block.
 */
import type { ArticleDoc, Block, Inline, TableCell, TextLike } from '../article-doc';
import { forEachTextBlock } from '../article-doc';

/** A run of the white space HTML collapses (not U+00A0 or other Unicode spaces), or a run of anything else. */
const RUNS = /([\t\n\f\r ]+)|([^\t\n\f\r ]+)/g;

/** Words separated by single spaces, nothing around them: what collapsing leaves a run as. */
const COLLAPSED = /^[^\t\n\f\r ]+(?: [^\t\n\f\r ]+)*$/;

interface RunState {
  /** The text run written last, where a trailing space would sit. */
  lastText: { text: string } | undefined;
  /** The last character written is a collapsed space. */
  endsWithSpace: boolean;
  /** At the start of the block or just after a line break: white space here disappears. */
  lineStart: boolean;
  /** Nothing visible has been written in this block yet. */
  empty: boolean;
}

/** Separator between blocks of canonical text. */
export const BLOCK_SEPARATOR = '\n\n';

/** The text a normalized leaf contributes (without normalizing it again). */
export function leafText(leaf: TextLike): string {
  if ('type' in leaf && leaf.type === 'preformatted') return leaf.text;
  return inlineText(leaf.children);
}

function inlineText(children: Inline[]): string {
  let text = '';
  for (const child of children) {
    switch (child.type) {
      case 'text':
      case 'code':
        text += child.text;
        break;
      case 'break':
        text += '\n';
        break;
      default:
        text += inlineText(child.children);
    }
  }
  return text;
}

/** The non-empty text blocks of a normalized document, in order. */
export function textBlocks(doc: ArticleDoc): string[] {
  const blocks: string[] = [];
  forEachTextBlock(doc, (leaf) => {
    const text = leafText(leaf);
    if (text !== '') blocks.push(text);
  });
  return blocks;
}

/** The canonical text of a document (normalizing it first, so any document is accepted). */
export function canonicalText(doc: ArticleDoc): string {
  return textBlocks(normalizeDoc(doc)).join(BLOCK_SEPARATOR);
}

/** Collapses white space the way canonical text requires; idempotent. */
export function normalizeDoc(doc: ArticleDoc): ArticleDoc {
  return { blocks: normalizeBlocks(doc.blocks) };
}

function normalizeBlocks(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
      case 'heading': {
        const children = normalizeInlines(block.children);
        if (children.length > 0) out.push({ ...block, children });
        break;
      }
      case 'preformatted': {
        const text = block.text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
        if (text.trim() !== '') out.push({ type: 'preformatted', text });
        break;
      }
      case 'quote': {
        const children = normalizeBlocks(block.children);
        if (children.length > 0) out.push({ type: 'quote', children });
        break;
      }
      case 'list': {
        const items = block.items.map(normalizeBlocks).filter((item) => item.length > 0);
        if (items.length > 0) out.push({ ...block, items });
        break;
      }
      case 'table': {
        const rows = block.rows
          .map((row) => row.map((cell): TableCell => ({ header: cell.header, children: normalizeInlines(cell.children) })))
          .filter((row) => row.some((cell) => cell.children.length > 0));
        if (rows.length > 0) out.push({ type: 'table', rows });
        break;
      }
      case 'rule':
        out.push(block);
        break;
    }
  }
  return out;
}

/**
 * Collapses white space across inline runs. A collapsed space stays in the run where it was
 * typed ("The *command*" keeps its space outside the emphasis); space at the edges of the
 * block and around line breaks disappears, as it does on screen.
 */
export function normalizeInlines(children: Inline[]): Inline[] {
  const state: RunState = { lastText: undefined, endsWithSpace: false, lineStart: true, empty: true };
  const out = normalizeRuns(children, state);
  trimTrailingSpace(state);
  const pruned = prune(out);
  while (pruned.length > 0 && pruned[pruned.length - 1]?.type === 'break') pruned.pop();
  return pruned;
}

function normalizeRuns(children: Inline[], state: RunState): Inline[] {
  const out: Inline[] = [];
  for (const child of children) {
    switch (child.type) {
      case 'text':
      case 'code': {
        const node = { type: child.type, text: collapse(child.text, state) };
        if (node.text === '') break;
        out.push(node);
        state.lastText = node;
        break;
      }
      case 'break':
        if (state.empty) break;
        trimTrailingSpace(state);
        out.push(child);
        state.lineStart = true;
        break;
      default:
        out.push({ ...child, children: normalizeRuns(child.children, state) });
    }
  }
  return out;
}

function collapse(raw: string, state: RunState): string {
  // Stored articles are already normalized, and the reader normalizes them again as it opens
  // one: a run that is already collapsed comes back as it is, without a match per word (on a
  // 50 KB article, ~10 ms of a cold page's first render).
  if (COLLAPSED.test(raw)) {
    state.endsWithSpace = false;
    state.lineStart = false;
    state.empty = false;
    return raw;
  }
  let text = '';
  for (const [, space, word] of raw.matchAll(RUNS)) {
    if (space !== undefined) {
      if (!state.lineStart && !state.endsWithSpace) {
        text += ' ';
        state.endsWithSpace = true;
      }
      continue;
    }
    text += word;
    state.endsWithSpace = false;
    state.lineStart = false;
    state.empty = false;
  }
  return text;
}

/** Removes the space just written, when a line or the block ends after it. */
function trimTrailingSpace(state: RunState): void {
  if (state.endsWithSpace && state.lastText) state.lastText.text = state.lastText.text.slice(0, -1);
  state.endsWithSpace = false;
}

/** Drops runs left empty by trimming, and containers left with nothing in them. */
function prune(children: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const child of children) {
    if (child.type === 'text' || child.type === 'code') {
      if (child.text !== '') out.push(child);
    } else if (child.type === 'break') {
      out.push(child);
    } else {
      const nested = prune(child.children);
      if (nested.length > 0) out.push({ ...child, children: nested });
    }
  }
  return out;
}
