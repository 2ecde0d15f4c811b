// @vitest-environment jsdom
/**
 * A selection made in the rendered article maps to the offsets of the same words in the
 * article's canonical text, across inline elements, painted marks and block boundaries.
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalText } from '../../../src-main/common/anchoring/canonical-text';
import { markdownToDoc } from '../../../src-main/common/markdown-to-doc';
import { ArticleBody } from '../../components/article-body/ArticleBody';
import type { PaintRange } from '../../components/article-body/paint-segments';
import { rangeToOffsets } from './selection-offsets';

const SOURCE = [
  '# Talks in *Tokyo*',
  '',
  'Austin called it *“the most significant change”* since the **creation** of USFJ.',
  '',
  '- Command upgrade',
  '- Missile production',
  '',
  'A line ends here  ',
  'and a break continues it.',
].join('\n');
const doc = markdownToDoc(SOURCE);
const text = canonicalText(doc);

function renderBody(highlights: PaintRange[] = []) {
  const { container } = render(<ArticleBody doc={doc} highlights={highlights} />);
  return container.querySelector('.article-body')!;
}

/** The text node and offset where the n-th occurrence of `needle` starts (+ `shift`) in `root`. */
function pointAt(root: Element, needle: string, shift = 0): [Node, number] {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const index = node.textContent!.indexOf(needle);
    if (index >= 0) return [node, index + shift];
  }
  throw new Error(`"${needle}" is not in one text node`);
}

function rangeOver(root: Element, from: [Node, number], to: [Node, number]): Range {
  const range = root.ownerDocument.createRange();
  range.setStart(...from);
  range.setEnd(...to);
  return range;
}

afterEach(cleanup);

describe('rangeToOffsets', () => {
  it('finds words inside one text node', () => {
    const root = renderBody();
    const offsets = rangeToOffsets(rangeOver(root, pointAt(root, 'Austin'), pointAt(root, 'Austin', 6)), root, text);
    expect(text.slice(offsets!.start, offsets!.end)).toBe('Austin');
  });

  it('counts across inline elements (emphasis, strong)', () => {
    const root = renderBody();
    const range = rangeOver(root, pointAt(root, 'most significant'), pointAt(root, 'creation', 8));
    const offsets = rangeToOffsets(range, root, text)!;
    expect(text.slice(offsets.start, offsets.end)).toBe('most significant change” since the creation');
  });

  it('counts the same when marks are painted in the block', () => {
    const austin = text.indexOf('Austin');
    const root = renderBody([{ id: 'ann_1', color: 'green', start: austin, end: austin + 20 }]);
    // One mark per text run: the highlight is split where the emphasis starts.
    const marks = [...root.querySelectorAll('mark[data-annotation-id="ann_1"]')];
    expect(marks.map((mark) => mark.textContent)).toEqual(['Austin called it ', '“th']);
    const range = rangeOver(root, pointAt(root, 'called'), pointAt(root, 'significant', 11));
    const offsets = rangeToOffsets(range, root, text)!;
    expect(text.slice(offsets.start, offsets.end)).toBe('called it “the most significant');
  });

  it('spans blocks, the blank line between them included', () => {
    const root = renderBody();
    const range = rangeOver(root, pointAt(root, 'USFJ'), pointAt(root, 'Command', 7));
    const offsets = rangeToOffsets(range, root, text)!;
    expect(text.slice(offsets.start, offsets.end)).toBe('USFJ.\n\nCommand');
  });

  it('trims white space at both ends', () => {
    const root = renderBody();
    const range = rangeOver(root, pointAt(root, ' called'), pointAt(root, 'called ', 7));
    const offsets = rangeToOffsets(range, root, text)!;
    expect(text.slice(offsets.start, offsets.end)).toBe('called');
  });

  it('counts a hard line break as the "\\n" it is in the text', () => {
    const root = renderBody();
    const range = rangeOver(root, pointAt(root, 'here'), pointAt(root, 'and a', 3));
    const offsets = rangeToOffsets(range, root, text)!;
    expect(text.slice(offsets.start, offsets.end)).toBe('here\nand');
  });

  it('moves an end that lies between blocks back to the end of the last block it covers', () => {
    const root = renderBody();
    const list = root.querySelector('ul')!;
    const range = rangeOver(root, pointAt(root, 'Command'), [list, list.childNodes.length]);
    const offsets = rangeToOffsets(range, root, text)!;
    expect(text.slice(offsets.start, offsets.end)).toBe('Command upgrade\n\nMissile production');
  });

  it('answers null for a selection with no text of the article', () => {
    const root = renderBody();
    const range = rangeOver(root, pointAt(root, 'Austin'), pointAt(root, 'Austin'));
    expect(rangeToOffsets(range, root, text)).toBeNull();
  });
});

describe('painting keeps the canonical text', () => {
  it('leaves every block’s text as it was, however highlights overlap', () => {
    const highlights: PaintRange[] = [
      { id: 'a', color: 'yellow', start: 0, end: 40 },
      { id: 'b', color: 'blue', start: 10, end: 70 },
      { id: 'c', color: 'pink', start: 20, end: 25 },
      { id: 'd', color: 'purple', start: 60, end: text.length },
    ];
    const root = renderBody(highlights);
    const blocks = [...root.querySelectorAll('[data-block]')].map((block) => block.textContent);
    expect(blocks.join('\n\n')).toBe(text);
    expect(root.querySelectorAll('mark[data-annotation-id="c"]')).toHaveLength(1);
    expect(root.querySelector('mark[data-annotation-id="c"]')!.closest('mark[data-annotation-id="b"]')).not.toBeNull();
  });
});
