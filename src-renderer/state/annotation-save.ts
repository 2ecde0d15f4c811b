/**
 * Saving a highlight's comment, tags or colour, based on the version the window showed when
 * the edit began (see based-save): another window's change to another field is kept, and one
 * to the same field is shown beside this one to choose from. A comment can keep both.
 */
import type { ApiResponse } from '../../src-main/common/api';
import type { AnnotationView, HighlightColor } from '../../src-main/common/model';
import { shortenQuote } from '../components/shorten-quote';
import { notebook } from '../notebook-client';
import { saveBased } from './based-save';

type AnnotationFields = { comment: string; tags: string[]; color: HighlightColor };

/** The highlight as stored now (there is no call for one highlight: its article's list has it). */
async function currentAnnotation(base: AnnotationView): Promise<ApiResponse<AnnotationView>> {
  const answer = await notebook.listAnnotations({ articleId: base.articleId });
  if (!answer.ok) return answer;
  const found = answer.value.find((annotation) => annotation.id === base.id);
  return found ? { ok: true, value: found } : { ok: false, error: { code: 'not_found', message: 'That highlight no longer exists.' } };
}

/** Saves `mine` for the highlight the edit started from (`base`); answers the highlight as it now is. */
export function saveAnnotationFields(base: AnnotationView, mine: Partial<AnnotationFields>): Promise<ApiResponse<AnnotationView>> {
  return saveBased<AnnotationView, AnnotationFields>({
    kind: 'highlight',
    name: shortenQuote(base.target.quote.exact, 80),
    base,
    mine,
    fieldsOf: (annotation) => ({ comment: annotation.comment, tags: annotation.tags, color: annotation.color }),
    labels: { comment: 'Comment', tags: 'Tags', color: 'Colour' },
    joinable: ['comment'],
    send: (fields, baseRev) => notebook.updateAnnotation({ id: base.id, ...fields, baseRev }),
    fetchCurrent: () => currentAnnotation(base),
  });
}
