import { flashAnnotation } from '../../state/annotation-actions';

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
