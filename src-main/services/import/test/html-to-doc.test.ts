/**
 * The article tree from pages no reader would write but the web has: nesting far deeper than
 * any call stack, and tables and paragraphs far wider than any article. The words are kept,
 * in order, and the tree stays shallow enough for everything that walks it.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleDoc } from '../../../common/article-doc';
import { canonicalText } from '../../../common/anchoring/canonical-text';
import { htmlToDoc, MAX_DOC_DEPTH, type DomNode } from '../html-to-doc';

/** A DOM as small as the walk reads: built without a parser, so depth is ours to choose. */
const text = (value: string): DomNode => ({ nodeType: 3, nodeName: '#text', textContent: value, childNodes: [] });
const el = (name: string, kids: DomNode[] = [], attributes: Record<string, string> = {}): DomNode => ({
  nodeType: 1,
  nodeName: name.toUpperCase(),
  get textContent() {
    return kids.map((kid) => kid.textContent).join('');
  },
  childNodes: kids,
  getAttribute: (attribute) => attributes[attribute] ?? null,
});

/** `levels` elements named `name`, each the only child of the one before, around `inside`. */
function nested(name: string, levels: number, inside: DomNode[]): DomNode {
  let node = el(name, inside);
  for (let level = 1; level < levels; level++) node = el(name, [node]);
  return node;
}

/** How many containers deep the tree goes (counted without recursion, like the walk itself). */
function depthOf(doc: ArticleDoc): number {
  let deepest = 0;
  const todo: [unknown, number][] = doc.blocks.map((block) => [block, 0]);
  while (todo.length > 0) {
    const [node, depth] = todo.pop()! as [{ children?: unknown[]; items?: unknown[][]; rows?: { children: unknown[] }[][] }, number];
    deepest = Math.max(deepest, depth);
    for (const child of node.children ?? []) todo.push([child, depth + 1]);
    for (const item of node.items ?? []) for (const child of item) todo.push([child, depth + 1]);
    for (const row of node.rows ?? []) for (const cell of row) for (const child of cell.children) todo.push([child, depth + 1]);
  }
  return deepest;
}

const SENTENCE = 'The harbour reopened on Monday after three weeks of repairs.';

describe('htmlToDoc on extreme pages', () => {
  it.each([
    ['divs', 'div'],
    ['spans', 'span'],
    ['emphasis', 'em'],
    ['links', 'a'],
    ['quotes', 'blockquote'],
    ['lists', 'ul'],
    ['list items', 'li'],
    ['table cells', 'td'],
  ])('keeps the words of 20,000 nested %s, in a tree no deeper than the limit', (_name, tag) => {
    const page = el('body', [el('p', [text('Before.')]), nested(tag, 20_000, [text(SENTENCE)]), el('p', [text('After.')])]);
    const doc = htmlToDoc(page);
    expect(canonicalText(doc).replace(/\s+/g, ' ')).toMatch(/^Before\. .*The harbour reopened on Monday after three weeks of repairs\..*After\.$/);
    expect(depthOf(doc)).toBeLessThanOrEqual(MAX_DOC_DEPTH + 2);
  });

  it('keeps nesting up to the limit as it is, and gives what is deeper to the innermost container', () => {
    const quotes = htmlToDoc(el('body', [nested('blockquote', MAX_DOC_DEPTH + 3, [el('p', [text('Deep.')])])]));
    let quote = quotes.blocks[0]!;
    let levels = 0;
    while (quote.type === 'quote') {
      levels++;
      expect(quote.children).toHaveLength(1);
      quote = quote.children[0]!;
    }
    expect(levels).toBe(MAX_DOC_DEPTH);
    expect(quote).toEqual({ type: 'paragraph', children: [{ type: 'text', text: 'Deep.' }] });
  });

  // More rows and runs than push(...items) can take as arguments.
  it('reads a table of 150,000 rows in one section, and a paragraph of 150,000 runs', () => {
    const rows = Array.from({ length: 150_000 }, (_, row) => el('tr', [el('td', [text(`r${row}`)]), el('td', [el('b', [text('x')])])]));
    const [table] = htmlToDoc(el('body', [el('table', [el('tbody', rows)])])).blocks;
    expect(table?.type === 'table' && table.rows.length).toBe(150_000);
    expect(table?.type === 'table' && table.rows[149_999]).toEqual([
      { header: false, children: [{ type: 'text', text: 'r149999' }] },
      { header: false, children: [{ type: 'strong', children: [{ type: 'text', text: 'x' }] }] },
    ]);

    const runs = Array.from({ length: 150_000 }, (_, index) => (index % 2 === 0 ? text(`w${index} `) : el('span', [text(`s${index} `)])));
    const [paragraph] = htmlToDoc(el('body', [el('p', runs)])).blocks;
    // Neighbouring runs join into one text, as they always did.
    expect(paragraph?.type === 'paragraph' && paragraph.children).toHaveLength(1);
    expect(canonicalText({ blocks: [paragraph!] }).endsWith('w149998 s149999')).toBe(true);
  }, 60_000);
});
