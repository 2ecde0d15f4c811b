/**
 * How much one file may ask of the notebook. The caller refuses files over 50 MB before they
 * are read; here a file with too many annotations is refused whole, while a single annotation
 * too large to be a highlight is skipped with the reason, so the rest still comes in.
 */
import { MAX_COMMENT } from '../../../common/annotation-schema';
import { MAX_QUOTE } from '../../../common/quote-limits';
import { NotebookError } from '../../../common/errors';
import type { IncomingAnnotation } from '../exchange-types';

export const MAX_ANNOTATIONS = 100_000;

/** Throws the message a person sees when a file holds more annotations than one import takes. */
export function checkAnnotationCount(count: number): void {
  if (count > MAX_ANNOTATIONS) {
    throw new NotebookError(
      'invalid_argument',
      `This file holds ${count.toLocaleString('en')} annotations; Marginalia imports at most ${MAX_ANNOTATIONS.toLocaleString('en')} at a time. Split the export (for example by document or by group) and import the parts.`,
    );
  }
}

/** Why `annotation` cannot become a highlight because of its size, or undefined when it can. */
export function sizeProblem(annotation: IncomingAnnotation): string | undefined {
  const quoted = annotation.quote?.exact.length ?? (annotation.position ? annotation.position.end - annotation.position.start : 0);
  if (quoted > MAX_QUOTE) {
    return `its passage is ${quoted.toLocaleString('en')} characters long; a highlight covers at most ${MAX_QUOTE.toLocaleString('en')}`;
  }
  if (annotation.comment.length > MAX_COMMENT) {
    return `its comment is ${annotation.comment.length.toLocaleString('en')} characters long; a comment holds at most ${MAX_COMMENT.toLocaleString('en')}`;
  }
  return undefined;
}
