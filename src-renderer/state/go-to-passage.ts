import { flashAnnotation, loadAnnotations } from './annotation-actions';
import { annotationStore } from './annotation-store';
import { openArticle } from './library-actions';
import { libraryStore } from './library-store';
import { flushNote } from './notes-actions';
import { show } from './workspace-store';

/**
 * Scrolls the reader to a highlight's first mark and flashes it. Smooth scrolling only when
 * the person has not asked for reduced motion.
 */
export function goToPassage(id: string): void {
  const mark = markOf(id);
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
  mark?.scrollIntoView?.({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  flashAnnotation(id);
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

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
