// @vitest-environment jsdom
/**
 * A block painted into its element: its inline elements as the tree says, highlights as nested
 * marks split at element boundaries, and not a character added or lost.
 */
import { describe, expect, it } from 'vitest';
import type { TextLike } from '../../../src-main/common/article-doc';
import { paintLeaf } from './paint-dom';
import { sortRanges, type PaintRange } from './paint-segments';

const r = (id: string, start: number, end: number, extra: Partial<PaintRange> = {}): PaintRange => ({ id, color: 'yellow', start, end, ...extra }) as PaintRange;

// "Read the full report, run npm test." with emphasis, a link and code.
const leaf: TextLike = {
  type: 'paragraph',
  children: [
    { type: 'text', text: 'Read ' },
    { type: 'link', href: 'https://example.com/report', children: [{ type: 'text', text: 'the ' }, { type: 'emphasis', children: [{ type: 'text', text: 'full' }] }, { type: 'text', text: ' report' }] },
    { type: 'text', text: ', run ' },
    { type: 'code', text: 'npm test' },
    { type: 'break' },
    { type: 'text', text: 'done.' },
  ],
};
const TEXT = 'Read the full report, run npm test\ndone.';

function painted(ranges: PaintRange[], target: TextLike = leaf): HTMLElement {
  const element = document.createElement('p');
  paintLeaf(element, target, sortRanges(ranges));
  return element;
}

/** Marks as [id:…], other elements as <tag>…</tag>, text as is. */
function show(node: Node): string {
  return [...node.childNodes]
    .map((child) => {
      if (!(child instanceof HTMLElement)) return child.textContent;
      if (child.tagName === 'MARK') return `[${child.dataset.annotationId ?? 'found'}:${show(child)}]`;
      return `<${child.tagName.toLowerCase()}>${show(child)}</${child.tagName.toLowerCase()}>`;
    })
    .join('');
}

describe('paintLeaf', () => {
  it('renders the inline elements with the block’s exact text', () => {
    const element = painted([]);
    expect(element.textContent).toBe(TEXT);
    expect(show(element)).toBe('Read <a>the <em>full</em> report</a>, run <code>npm test</code><span>\n</span>done.');
    const link = element.querySelector('a')!;
    expect([link.getAttribute('href'), link.getAttribute('title'), link.getAttribute('rel')]).toEqual(['https://example.com/report', 'https://example.com/report', 'noreferrer noopener']);
    expect(element.querySelector('span')!.className).toBe('line-break');
  });

  it('splits a highlight at element boundaries and nests overlapping ones', () => {
    // "the full report, run npm" (5–29) and "full report" (9–20) inside it.
    const element = painted([r('outer', 5, 29), r('inner', 9, 20)]);
    expect(element.textContent).toBe(TEXT);
    expect(show(element)).toBe('Read <a>[outer:the ]<em>[outer:[inner:full]]</em>[outer:[inner: report]]</a>[outer:, run ]<code>[outer:npm] test</code><span>\n</span>done.');
  });

  it('gives each mark its colour, label, claim and id, and found words their own mark', () => {
    const element = painted([r('a', 0, 4, { color: 'green', label: 'Highlight: Evidence, claim', claim: true }), { id: 'found-passage', kind: 'found', start: 35, end: 39, flashing: true }]);
    const [highlight, found] = [...element.querySelectorAll('mark')];
    expect(highlight!.className).toBe('hl hl-green is-claim');
    expect(highlight!.getAttribute('aria-label')).toBe('Highlight: Evidence, claim');
    expect(highlight!.getAttribute('data-annotation-id')).toBe('a');
    expect(found!.className).toBe('found-passage found-flash');
    expect(found!.hasAttribute('data-found-passage')).toBe(true);
    expect(found!.textContent).toBe('done');
  });

  it('paints preformatted text as one run and replaces what the element showed', () => {
    const element = painted([r('a', 0, 5)]);
    paintLeaf(element, { type: 'preformatted', text: 'const x = 1;\n  y' }, [r('b', 6, 7)]);
    expect(show(element)).toBe('const [b:x] = 1;\n  y');
  });

  it('leaves out an href that is not a web or mail address', () => {
    const element = painted([], { type: 'paragraph', children: [{ type: 'link', href: 'javascript:alert(1)', children: [{ type: 'text', text: 'x' }] }] });
    expect(element.querySelector('a')!.hasAttribute('href')).toBe(false);
  });
});
