/**
 * Tags: loading the notebook's tags, tagging a record, and renaming or merging a tag everywhere
 * (one undo step on the main side). Every change refreshes the records that carry tags.
 */
import type { ApiResponse } from '../../src-main/common/api';
import { notebook } from '../notebook-client';
import { annotationStore } from './annotation-store';
import { reportError } from './status-store';
import { tagFilterStore } from './tag-filter-store';

/** Sets a highlight's tags. */
export async function tagAnnotation(id: string, tags: string[]): Promise<void> {
  const answer = await notebook.updateAnnotation({ id, tags });
  if (!answer.ok) return reportError(answer.error);
  const updated = answer.value;
  annotationStore.setState(({ annotations }) => ({ annotations: annotations.map((a) => (a.id === id ? updated : a)) }));
}

export async function tagClaim(id: string, tags: string[]): Promise<void> {
  const answer = await notebook.updateClaim({ id, tags });
  if (!answer.ok) return reportError(answer.error);
}

export async function tagArticle(id: string, tags: string[]): Promise<void> {
  const answer = await notebook.updateArticle({ id, tags });
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
