/** The order highlights are listed and shown in, on both sides. */
import type { AnnotationView } from './model';

/** Reading order: anchored highlights by position, then the orphans by age. */
export function byReadingOrder(a: AnnotationView, b: AnnotationView): number {
  if (a.anchor.status === 'anchored' && b.anchor.status === 'anchored') return a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end;
  if (a.anchor.status !== b.anchor.status) return a.anchor.status === 'anchored' ? -1 : 1;
  return a.createdAt.localeCompare(b.createdAt);
}
