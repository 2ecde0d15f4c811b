/**
 * The library's article list, virtualized: only the rows in view are in the DOM. It stays a
 * list ("Articles", with `aria-setsize`/`aria-posinset` on each item so assistive technology
 * knows the full length) and one tab stop, moved with the keys:
 * ↑/↓, Home/End, Page Up/Down move; Enter opens; Space picks the row; Shift+↑/↓ extend the
 * pick; Ctrl/Cmd+A picks every shown row; Esc clears the pick. With the mouse, Ctrl/Cmd-click
 * toggles a row and Shift-click picks a range.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { ArticleListing } from '../../../src-main/common/model';
import { openArticle } from '../../state/library-actions';
import { clearSelection, selectAll, selectRange, toggleSelected, useSelection } from '../../state/library-view-selection';
import { ArticleListItem } from './ArticleListItem';
import { useVisibleRows } from './useVisibleRows';

/** Every row is this tall (CSS `--article-row-height` matches), which is what lets the list skip measuring. */
export const ROW_HEIGHT = 58;

export interface ArticleListProps {
  articles: ArticleListing[];
  openId: string | null;
}

export function ArticleList({ articles, openId }: ArticleListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const selected = useSelection();
  const order = useMemo(() => articles.map((article) => article.id), [articles]);
  const openIndex = openId ? order.indexOf(openId) : -1;
  const [activeId, setActiveId] = useState<string | null>(null);
  const activeAt = activeId ? order.indexOf(activeId) : -1;
  const active = activeAt >= 0 ? activeAt : Math.max(0, openIndex);
  const focusNext = useRef(false);
  const { start, end } = useVisibleRows(scroller, articles.length, ROW_HEIGHT);

  /** Moves the tab stop to row `index`, scrolling it into view; `focus` also moves keyboard focus there. */
  const moveTo = useCallback(
    (index: number, focus: boolean) => {
      const target = Math.min(Math.max(index, 0), order.length - 1);
      const id = order[target];
      if (id === undefined) return;
      setActiveId(id);
      focusNext.current = focus;
      const element = scroller.current;
      if (!element) return;
      const top = target * ROW_HEIGHT;
      const height = element.clientHeight;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (height > 0 && top + ROW_HEIGHT > element.scrollTop + height) element.scrollTop = top + ROW_HEIGHT - height;
    },
    [order],
  );

  useEffect(() => {
    if (!focusNext.current) return;
    focusNext.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-row="${active}"] .article-item`)?.focus();
  });

  const onRowClick = useCallback(
    (index: number, event: MouseEvent) => {
      const id = order[index];
      if (!id) return;
      setActiveId(id);
      if (event.ctrlKey || event.metaKey) toggleSelected(id);
      else if (event.shiftKey) selectRange(order, id);
      else void openArticle(id);
    },
    [order],
  );

  const onCheck = useCallback(
    (index: number, shift: boolean) => {
      const id = order[index];
      if (!id) return;
      setActiveId(id);
      if (shift) selectRange(order, id);
      else toggleSelected(id);
    },
    [order],
  );

  /** Wherever focus lands in the list (a click, a screen reader), the tab stop follows. */
  function onFocus(event: FocusEvent<HTMLUListElement>) {
    const row = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[data-row]') : null;
    const id = row ? order[Number(row.dataset.row)] : undefined;
    if (id && id !== activeId) setActiveId(id);
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const onRow = event.target instanceof HTMLElement && event.target.classList.contains('article-item');
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight || ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: order.length - 1,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      moveTo(next, true);
      const id = order[Math.min(Math.max(next, 0), order.length - 1)];
      if (event.shiftKey && id && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        if (!selected.has(order[active]!)) toggleSelected(order[active]!);
        selectRange(order, id);
      }
    } else if (event.key === ' ' && onRow) {
      // Space picks the row rather than pressing its button (Enter opens it).
      event.preventDefault();
      const id = order[active];
      if (id) toggleSelected(id);
    } else if (event.key.toLowerCase() === 'a' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      selectAll(order);
    } else if (event.key === 'Escape' && selected.size > 0) {
      event.preventDefault();
      clearSelection();
    }
  }

  const rows: number[] = [];
  // The row holding the tab stop stays rendered even when scrolled away, so Tab can reach the
  // list. It takes its place in row order: were it appended, a scroll bringing its neighbours
  // back would make React move its element among them, and a moved element loses focus.
  if (active < start && active < articles.length) rows.push(active);
  for (let index = start; index < end; index += 1) rows.push(index);
  if (active >= end && active < articles.length) rows.push(active);

  return (
    <div ref={scroller} className="article-scroller">
      <p id={hintId} className="visually-hidden">
        Arrow keys move, Enter opens, Space selects, Shift with arrows selects a range.
      </p>
      <ul className="article-list" aria-label="Articles" aria-describedby={hintId} style={{ height: articles.length * ROW_HEIGHT }} onKeyDown={onKeyDown} onFocus={onFocus}>
        {rows.map((index) => {
          const article = articles[index]!;
          return (
            <ArticleListItem
              key={article.id}
              article={article}
              index={index}
              total={articles.length}
              top={index * ROW_HEIGHT}
              open={article.id === openId}
              selected={selected.has(article.id)}
              active={index === active}
              onRowClick={onRowClick}
              onCheck={onCheck}
            />
          );
        })}
      </ul>
    </div>
  );
}
