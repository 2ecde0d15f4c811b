/** What reading an annotation file gives, whichever format it was in. */
import type { IncomingAnnotation } from '../exchange-types';

/** An annotation the file holds but Marginalia cannot take, and why, in words a person reads. */
export interface SkippedAnnotation {
  /** Its id in the file, or its place in the file ("annotation #3") when it has none. */
  id: string;
  reason: string;
}

export interface AnnotationReadResult {
  annotations: IncomingAnnotation[];
  skipped: SkippedAnnotation[];
  /** What was read but left out of an annotation that was kept (a tag that is not a tag, a bad date). */
  warnings: string[];
}

/** How an annotation is named in a message before its id is known to be usable. */
export function itemLabel(id: unknown, index: number): string {
  return typeof id === 'string' && id.trim() !== '' ? id.slice(0, 200) : `annotation #${index + 1}`;
}
