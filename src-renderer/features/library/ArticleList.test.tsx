// @vitest-environment jsdom
/** The list renders only the rows in view, however long the library. */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticleListing } from '../../../src-main/common/model';
import { ArticleList, ROW_HEIGHT } from './ArticleList';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const tenThousand: ArticleListing[] = Array.from({ length: 10_000 }, (_, index) => ({
  id: `art_${String(index).padStart(8, '0')}`,
  title: `Article number ${index + 1}`,
  source: 'Generated',
  format: 'text',
  tags: [],
  wordCount: 100,
  createdAt: '2024-07-28T09:00:00.000Z',
  updatedAt: '2024-07-28T09:00:00.000Z',
  annotationCount: index % 3,
}));

describe('a library of 10,000 articles', () => {
  it('puts only a window of rows in the page, and scrolling brings later rows in', () => {
    const { container } = render(<ArticleList articles={tenThousand} openId={null} />);
    const list = screen.getByRole('list', { name: 'Articles' });
    const items = within(list).getAllByRole('listitem');
    expect(items.length).toBeGreaterThan(5);
    expect(items.length).toBeLessThan(40);
    expect(items[0]!.getAttribute('aria-setsize')).toBe('10000');
    expect(within(list).getByRole('button', { name: /Article number 1(?!\d)/ })).toBeTruthy();
    expect(within(list).queryByRole('button', { name: /Article number 5000(?!\d)/ })).toBeNull();

    const scroller = container.querySelector('.article-scroller')!;
    scroller.scrollTop = 4_999 * ROW_HEIGHT;
    fireEvent.scroll(scroller);
    const later = within(list).getByRole('button', { name: /Article number 5000(?!\d)/ });
    expect(later.closest('li')!.getAttribute('aria-posinset')).toBe('5000');
    // The first row keeps the tab stop, so it stays; the rest of the top is gone.
    expect(within(list).queryByRole('button', { name: /Article number 2(?!\d)/ })).toBeNull();
    expect(within(list).getAllByRole('listitem').length).toBeLessThan(45);
  });
});

describe('the list measured by the browser', () => {
  /** jsdom lays nothing out: the browser's ResizeObserver is played by hand, reporting `height`. */
  function observedList() {
    const observers: (() => void)[] = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(private readonly report: () => void) {}
        observe() {
          observers.push(this.report);
        }
        disconnect() {}
      },
    );
    const { container } = render(<ArticleList articles={tenThousand} openId={null} />);
    const scroller = container.querySelector<HTMLElement>('.article-scroller')!;
    const rows = () => within(screen.getByRole('list', { name: 'Articles' })).getAllByRole('listitem').length;
    const measured = (height: number) => {
      Object.defineProperty(scroller, 'clientHeight', { configurable: true, value: height });
      act(() => observers.forEach((report) => report()));
    };
    return { rows, measured };
  }

  it('keeps its rows when it turns out shorter than the window they were guessed from, and adds rows when it grows', () => {
    const { rows, measured } = observedList();
    const guessed = rows();
    // The first report: the list is shorter than the window. Dropping rows would only render and
    // lay the list out again right after its first paint.
    measured(window.innerHeight - 5 * ROW_HEIGHT);
    expect(rows()).toBe(guessed);
    measured(window.innerHeight + 10 * ROW_HEIGHT);
    expect(rows()).toBe(guessed + 10);
  });
});
