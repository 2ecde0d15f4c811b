/**
 * Shows which highlight is selected (`hl-selected`) and which is flashing (`hl-flash`) on its
 * marks inside `root`, without painting the article again: selecting a highlight changes the
 * classes of its own marks and of the ones it leaves, where a render went over every painted
 * run (about 3,000 marks for 1,000 highlights) for each click on a card or a passage.
 */
import { useCallback, useEffect, useLayoutEffect, type RefObject } from 'react';
import { highlightFocusStore, type HighlightFocusState } from '../../state/highlight-focus-store';

type Focus = Pick<HighlightFocusState, 'selectedId' | 'flashId'>;

function mark(root: Element, className: string, id: string | null): void {
  for (const element of root.querySelectorAll(`mark.${className}`)) {
    if (element.getAttribute('data-annotation-id') !== id) element.classList.remove(className);
  }
  if (id === null) return;
  // Quotes and backslashes escaped by hand: jsdom has no CSS.escape (ids are letters and digits anyway).
  const quoted = id.replace(/["\\]/g, '\\$&');
  for (const element of root.querySelectorAll(`mark[data-annotation-id="${quoted}"]`)) element.classList.add(className);
}

/** Shows the current focus on the marks inside `root`'s element. */
function showFocusIn(root: RefObject<Element | null>): void {
  showFocus(root.current, highlightFocusStore.getState());
}

function showFocus(root: Element | null, { selectedId, flashId }: Focus): void {
  if (!root) return;
  mark(root, 'hl-selected', selectedId);
  mark(root, 'hl-flash', flashId);
}

/**
 * Keeps the focus classes on the marks in `root`. Answers a stable callback that shows them
 * again, for marks painted outside a render of the reader (see ArticleBody's `onPainted`).
 */
export function useMarkFocus(root: RefObject<Element | null>): () => void {
  const refresh = useCallback(() => showFocusIn(root), [root]);
  // After every commit of the reader, before it is painted: new marks come without these
  // classes, and a mark is made again when its colour or claim changes.
  useLayoutEffect(() => refresh());
  useEffect(
    () =>
      highlightFocusStore.subscribe((state, previous) => {
        if (state.selectedId !== previous.selectedId || state.flashId !== previous.flashId) showFocus(root.current, state);
      }),
    [root],
  );
  return refresh;
}
