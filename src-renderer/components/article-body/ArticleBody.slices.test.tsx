// @vitest-environment jsdom
/**
 * Many highlights are painted a slice at a time: the whole text and the first highlights at
 * once, the rest in later tasks of a bounded length, with the body saying it is still painting
 * until the last.
 */
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { canonicalText } from '../../../src-main/common/anchoring/canonical-text';
import { textToDoc } from '../../../src-main/common/text-to-doc';
import { ArticleBody } from './ArticleBody';
import type { TextLike } from '../../../src-main/common/article-doc';
import { FIRST_SLICE, LeafPainter, SLICE_MS } from './leaf-painter';
import type { PaintRange } from './paint-segments';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

// 200 paragraphs of 60 characters, each with five highlights: paragraph i starts at 62 i.
const PARAGRAPHS = 200;
const doc = textToDoc(Array.from({ length: PARAGRAPHS }, (_, i) => `Paragraph ${String(i).padStart(3, '0')} of a long article with many highlights`.padEnd(60, '.')).join('\n\n'));
const highlights: PaintRange[] = Array.from({ length: PARAGRAPHS * 5 }, (_, n) => {
  const start = Math.floor(n / 5) * 62 + (n % 5) * 12;
  return { id: `ann_${n}`, color: 'yellow', start, end: start + 10 };
});

const marks = (container: HTMLElement) => container.querySelectorAll('mark[data-annotation-id]').length;

describe('painting 1,000 highlights', () => {
  it('shows every block’s text at once, the first highlights before the browser paints, and the rest in later tasks', () => {
    const painting = vi.fn();
    const painted = vi.fn();
    const { container } = render(<ArticleBody doc={doc} highlights={highlights} onPainting={painting} onPainted={painted} />);
    const blocks = [...container.querySelectorAll('[data-block]')];
    expect(blocks.map((block) => block.textContent).join('\n\n')).toBe(canonicalText(doc));
    expect(marks(container)).toBe(FIRST_SLICE);
    expect(painting.mock.calls).toEqual([[true]]);
    expect(painted).toHaveBeenCalledTimes(1);

    act(() => vi.advanceTimersToNextTimer());
    expect(marks(container)).toBeGreaterThan(FIRST_SLICE);
    act(() => vi.runAllTimers());
    expect(marks(container)).toBe(highlights.length);
    expect(painting.mock.calls).toEqual([[true], [false]]);
    expect(painted.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(blocks.map((block) => block.textContent).join('\n\n')).toBe(canonicalText(doc));
  });

  it('takes over what is left when the highlights change while it paints, and stops when it is unmounted', () => {
    const painting = vi.fn();
    const { container, rerender, unmount } = render(<ArticleBody doc={doc} highlights={highlights} onPainting={painting} />);
    act(() => vi.advanceTimersToNextTimer());
    const fewer = highlights.filter((_, n) => n % 5 !== 4);
    rerender(<ArticleBody doc={doc} highlights={fewer} onPainting={painting} />);
    act(() => vi.runAllTimers());
    expect(marks(container)).toBe(fewer.length);
    expect(painting.mock.calls.at(-1)).toEqual([false]);

    rerender(<ArticleBody doc={doc} highlights={highlights} onPainting={painting} />);
    expect(painting.mock.calls.at(-1)).toEqual([true]);
    unmount();
    expect(painting.mock.calls.at(-1)).toEqual([false]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('paints a few highlights at once, without saying it is painting', () => {
    const painting = vi.fn();
    const { container } = render(<ArticleBody doc={doc} highlights={highlights.slice(0, 20)} onPainting={painting} />);
    expect(marks(container)).toBe(20);
    expect(painting).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('a later slice', () => {
  const leaves = Array.from({ length: 40 }, (_, i): TextLike => ({ type: 'paragraph', children: [{ type: 'text', text: `Block ${i} of the article.` }] }));
  const paints = leaves.map((leaf, i) => ({ leaf, ranges: Array.from({ length: 10 }, (_, n): PaintRange => ({ id: `ann_${i}_${n}`, color: 'yellow', start: n, end: n + 1 })) }));

  it(`paints for ${SLICE_MS} ms, then lets the browser in, however many marks that is`, () => {
    // A clock that moves a quarter of a slice each time it is read: a slice reads it once to
    // start, and once after each block, so it paints four blocks.
    let reads = 0;
    const painter = new LeafPainter(() => (SLICE_MS / 4) * reads++);
    const elements = leaves.map((leaf) => {
      const element = document.createElement('p');
      painter.ref(leaf)(element);
      return element;
    });
    const painted = vi.fn();
    painter.setEvents({ onPainted: painted });
    const marked = () => elements.filter((element) => element.querySelector('mark')).length;

    painter.paint(paints);
    const first = marked();
    expect(first).toBe(FIRST_SLICE / 10);
    vi.advanceTimersToNextTimer();
    expect(marked() - first).toBe(4);
    vi.runAllTimers();
    expect(marked()).toBe(leaves.length);
    expect(painted).toHaveBeenCalledTimes(1 + Math.ceil((leaves.length - first) / 4));
  });
});
