/**
 * Tags: loading the notebook's tags, tagging a record, and renaming or merging a tag everywhere
 * (one undo step on the main side). Every change refreshes the records that carry tags.
 */
import type { ApiResponse } from '../../src-main/common/api';
import { notebook } from '../notebook-client';
import type { AnnotationView, ClaimView } from '../../src-main/common/model';
import { annotationStore } from './annotation-store';
import { saveAnnotationFields } from './annotation-save';
import { saveClaimFields } from './claim-save';
import { reportError } from './status-store';
import { tagFilterStore } from './tag-filter-store';

/** Sets the tags of a highlight, as edited from `base` (the highlight as shown). */
export async function tagAnnotation(base: AnnotationView, tags: string[]): Promise<void> {
  const answer = await saveAnnotationFields(base, { tags });
  if (!answer.ok) return reportError(answer.error);
  const updated = answer.value;
  annotationStore.setState(({ annotations }) => ({ annotations: annotations.map((a) => (a.id === base.id ? updated : a)) }));
}

/** Sets the tags of a claim, as edited from `base` (the claim as shown); the change feed brings the claim back. */
export async function tagClaim(base: ClaimView, tags: string[]): Promise<void> {
  const answer = await saveClaimFields(base, { tags });
  if (!answer.ok) return reportError(answer.error);
}

/**
 * Renames `from` (and every tag under it) to `to`, or merges it into `to` when `to` exists
 * already. The active filter follows the tag it named.
 */
export async function renameOrMergeTag(from: string, to: string, merge: boolean): Promise<ApiResponse<unknown>> {
  const answer = merge ? await notebook.mergeTags({ from, into: to }) : await notebook.renameTag({ from, to });
  if (!answer.ok) return answer;
  const filter = tagFilterStore.getState().tag;
  if (filter !== null && (filter === from || filter.startsWith(`${from}/`))) tagFilterStore.setState({ tag: to + filter.slice(from.length) });
  return answer;
}
