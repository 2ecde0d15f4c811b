// @vitest-environment jsdom
/**
 * A change to the highlights repaints only the blocks it touches: work is counted (calls to
 * `paintLeaf`, one per block painted), never timed.
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { textToDoc } from '../../../src-main/common/text-to-doc';
import { ArticleBody } from './ArticleBody';
import type * as paintDom from './paint-dom';
import { paintLeaf } from './paint-dom';
import type { PaintRange } from './paint-segments';

vi.mock('./paint-dom', async (original) => {
  const real = await original<typeof paintDom>();
  return { ...real, paintLeaf: vi.fn(real.paintLeaf) };
});

afterEach(cleanup);

// 100 paragraphs of 30 characters, each with one highlight: paragraph i starts at 32 i.
const doc = textToDoc(Array.from({ length: 100 }, (_, i) => `Paragraph ${String(i).padStart(3, '0')} of the long article`.slice(0, 30)).join('\n\n'));
const highlights: PaintRange[] = Array.from({ length: 100 }, (_, i) => ({ id: `ann_${i}`, color: 'yellow', start: i * 32, end: i * 32 + 9 }));

describe('repainting an article with 100 highlighted paragraphs', () => {
  it('paints every paragraph once when it opens, and only the touched one for a new highlight', () => {
    const painted = vi.mocked(paintLeaf);
    painted.mockClear();
    const { container, rerender } = render(<ArticleBody doc={doc} highlights={highlights} />);
    expect(container.querySelectorAll('mark')).toHaveLength(100);
    expect(painted).toHaveBeenCalledTimes(100);

    painted.mockClear();
    // The list is rebuilt, as the reader rebuilds it on every change; one highlight is new.
    rerender(<ArticleBody doc={doc} highlights={[...highlights.map((range) => ({ ...range })), { id: 'ann_new', color: 'pink', start: 50 * 32 + 12, end: 50 * 32 + 20 }]} />);
    expect(container.querySelectorAll('mark')).toHaveLength(101);
    expect(painted).toHaveBeenCalledTimes(1);
  });
});
