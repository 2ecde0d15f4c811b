// @vitest-environment jsdom
/**
 * The margin's card list, with 1,000 highlights: only the cards near the viewport are in the
 * page; the selected card and the one being typed in are there wherever they are.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LEGEND } from '../../../src-main/common/highlight-colors';
import type { AnnotationView } from '../../../src-main/common/model';
import { resetStores } from '../../test-support/reset-stores';
import { DEFAULT_CARD_HEIGHT } from './card-window';
import { CardList } from './CardList';

afterEach(() => {
  cleanup();
  resetStores();
});

const thousand: AnnotationView[] = Array.from({ length: 1_000 }, (_, index) => ({
  id: `ann_${String(index).padStart(4, '0')}`,
  articleId: 'art_1',
  target: { quote: { exact: `Passage number ${index + 1}`, prefix: '', suffix: '' }, position: { start: index * 40, end: index * 40 + 20 } },
  color: 'yellow',
  comment: '',
  tags: [],
  createdAt: '2024-07-28T09:00:00.000Z',
  updatedAt: '2024-07-28T09:00:00.000Z',
  anchor: { status: 'anchored', start: index * 40, end: index * 40 + 20 },
}));

function Margin({ selectedId = null }: { selectedId?: string | null }) {
  const pane = useRef<HTMLElement>(null);
  return (
    <aside ref={pane} aria-label="Margin">
      <CardList scroller={pane} annotations={thousand} legend={DEFAULT_LEGEND} selectedId={selectedId} backlinks={new Map()} claims={new Map()} />
    </aside>
  );
}

/** jsdom lays nothing out: scrolls the margin by telling the list where it now is. */
function scrollMarginTo(top: number) {
  const pane = screen.getByRole('complementary', { name: 'Margin' });
  const list = within(pane).getByRole('list', { name: 'Highlights' });
  list.getBoundingClientRect = () => ({ top: -top, bottom: 0, left: 0, right: 0, width: 0, height: 0, x: 0, y: -top, toJSON: () => '' });
  pane.scrollTop = top;
  fireEvent.scroll(pane);
}

/** The list's own items (cards hold lists of their own, of tags). */
const cards = () => [...screen.getByRole('list', { name: 'Highlights' }).querySelectorAll(':scope > li')];
const card = (n: number) => screen.queryByRole('article', { name: `Passage number ${n}` });

describe('a margin with 1,000 highlights', () => {
  it('holds only the cards near the top, in a list as tall as all of them that says each card’s place', () => {
    render(<Margin />);
    expect(cards().length).toBeGreaterThan(2);
    expect(cards().length).toBeLessThan(20);
    expect(cards()[0]!.getAttribute('aria-setsize')).toBe('1000');
    expect(card(1)).not.toBeNull();
    expect(card(500)).toBeNull();
    expect(screen.getByRole('list', { name: 'Highlights' }).style.height).toBe(`${1_000 * DEFAULT_CARD_HEIGHT}px`);
  });

  it('brings in the cards scrolled to and lets the ones left behind go', () => {
    render(<Margin />);
    scrollMarginTo(499 * DEFAULT_CARD_HEIGHT);
    expect(card(500)!.closest('li')!.getAttribute('aria-posinset')).toBe('500');
    expect(card(1)).toBeNull();
    expect(cards().length).toBeLessThan(20);
  });

  it('renders the selected card even far from the viewport, at its place in the list', () => {
    render(<Margin selectedId="ann_0899" />);
    const selected = card(900)!;
    expect(selected.getAttribute('aria-current')).toBe('true');
    expect(selected.closest('li')!.style.top).toBe(`${899 * DEFAULT_CARD_HEIGHT}px`);
    // In list order, after the cards at the top.
    expect(cards().at(-1)!.contains(selected)).toBe(true);
  });

  it('keeps a card whose comment is being written when the margin scrolls away from it', () => {
    render(<Margin />);
    fireEvent.click(within(card(2)!).getByRole('button', { name: 'Add comment' }));
    const field = within(card(2)!).getByRole('textbox', { name: 'Comment' });
    expect(document.activeElement).toBe(field);
    scrollMarginTo(600 * DEFAULT_CARD_HEIGHT);
    expect(card(601)).not.toBeNull();
    expect(within(card(2)!).getByRole('textbox', { name: 'Comment' })).toBe(field);
    expect(card(3)).toBeNull();
  });
});
