import { flashAnnotation, loadAnnotations } from '../../state/annotation-actions';
import { annotationStore } from '../../state/annotation-store';
import { openArticle } from '../../state/library-actions';
import { libraryStore } from '../../state/library-store';
import { flushNote } from '../../state/notes-actions';
import { show } from '../../state/workspace-store';

/**
 * Scrolls the reader to a highlight's first mark and flashes it. Smooth scrolling only when
 * the person has not asked for reduced motion.
 */
export function goToPassage(id: string): void {
  const mark = document.querySelector(`.reader-pane mark[data-annotation-id="${CSS.escape(id)}"]`);
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
  mark?.scrollIntoView?.({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  flashAnnotation(id);
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

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
  // Two frames: React paints the article, then its marks.
  await nextFrame();
  await nextFrame();
  goToPassage(annotationId);
}
