import { flashAnnotation, loadAnnotations } from './annotation-actions';
import { annotationStore } from './annotation-store';
import { openArticle } from './library-actions';
import { libraryStore } from './library-store';
import { flushNote } from './notes-actions';
import { show } from './workspace-store';

/** Scrolls the reader to a highlight's first mark and flashes it. */
export function goToPassage(id: string): void {
  const mark = markOf(id);
  if (mark) scrollToPassage(mark);
  flashAnnotation(id);
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** What a person does to scroll the reader themselves: the reader stops steering then. */
const OWN_SCROLL = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const;

/**
 * Scrolls the reader so `mark` sits in its middle; smoothly, unless the person asked for
 * reduced motion. The reader lays out only the blocks near its viewport (content-visibility:
 * auto, article.css), so a smooth scroll, whose end is worked out from the estimated heights
 * of the blocks above, can stop short as those blocks take their real heights on the way
 * (the found words of the sample article ended below the window). Once the scroll has come to
 * rest, a passage still out of view is brought into it at once — unless the person has
 * scrolled, clicked or pressed a key meanwhile.
 */
export function scrollToPassage(mark: Element): void {
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
  mark.scrollIntoView?.({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  const pane = mark.closest('.reader-pane');
  if (!pane) return;
  let steered = false;
  const own = () => (steered = true);
  for (const type of OWN_SCROLL) pane.addEventListener(type, own, { once: true, passive: true });
  void atRest(pane).then(() => {
    for (const type of OWN_SCROLL) pane.removeEventListener(type, own);
    if (!steered && mark.isConnected && !inView(mark, pane)) mark.scrollIntoView?.({ block: 'center', behavior: 'auto' });
  });
}

/** Once `pane` has not scrolled for a few frames (or after `frames`, whichever is first). */
async function atRest(pane: Element, frames = 240): Promise<void> {
  let last = pane.scrollTop;
  let still = 0;
  for (let frame = 0; frame < frames && still < 3; frame += 1) {
    await nextFrame();
    if (pane.scrollTop === last) still += 1;
    else [last, still] = [pane.scrollTop, 0];
  }
}

function inView(mark: Element, pane: Element): boolean {
  const box = mark.getBoundingClientRect();
  const view = pane.getBoundingClientRect();
  return box.bottom > view.top && box.top < view.bottom;
}

/** A highlight's first mark in the reader, if it is painted. */
export const markOf = (id: string): Element | null => document.querySelector(`.reader-pane mark[data-annotation-id="${CSS.escape(id)}"]`);

/** The reader is still fetching an article or painting its highlights (see ReaderPane). */
const readerBusy = () => document.querySelector('.reader-pane[aria-busy="true"]') !== null;

/**
 * The element `find` finds, once it is in the page and the reader has painted every
 * highlight: the reader paints an article's highlights in slices after its text, so they may
 * arrive a few frames after the article, and marks painted above a passage can still move it
 * until the last slice. Looks once a frame; after `frames`, whatever `find` finds then.
 */
export async function whenPainted<T extends Element>(find: () => T | null, frames = 120): Promise<T | null> {
  for (let frame = 0; frame < frames; frame += 1) {
    const element = readerBusy() ? null : find();
    if (element) return element;
    await nextFrame();
  }
  return find();
}

/**
 * Going to a passage from anywhere (a note's link chip, a claim's evidence): the reader comes
 * forward, the passage's article opens if it is not open, and once its highlights are painted
 * the passage is scrolled into view and flashed.
 */
export async function showPassage(articleId: string, annotationId: string): Promise<void> {
  await flushNote();
  show('article');
  if (libraryStore.getState().view?.id !== articleId) await openArticle(articleId);
  if (libraryStore.getState().view?.id !== articleId) return; // it could not be opened; the status says why
  if (!annotationStore.getState().annotations.some((a) => a.id === annotationId)) await loadAnnotations(articleId);
  await whenPainted(() => markOf(annotationId));
  goToPassage(annotationId);
}
