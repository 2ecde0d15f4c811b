/**
 * Going to a search result: its article opens in the reader and the exact place is scrolled
 * into view and flashed — the found words for article text, the highlight for a highlight,
 * the first evidence passage for a claim.
 */
import type { SearchResult } from '../../../src-main/common/search-schema';
import { openArticle } from '../../state/library-actions';
import { libraryStore } from '../../state/library-store';
import { requestPassageFocus } from '../../state/passage-focus';
import { report } from '../../state/status-store';
import { openNoteResult } from './open-note-result';

async function showArticle(id: string): Promise<void> {
  const { openId, view } = libraryStore.getState();
  if (openId === id && view?.id === id) return;
  await openArticle(id);
}

export async function goToResult(result: SearchResult): Promise<void> {
  if (result.kind === 'note') return openNoteResult(result.id, result.title);
  if (!result.articleId) {
    report('This claim has no evidence passage to go to.');
    return;
  }
  if (result.kind === 'article') {
    if (result.position) requestPassageFocus({ kind: 'range', articleId: result.articleId, ...result.position });
  } else if (result.annotationId) {
    requestPassageFocus({ kind: 'annotation', articleId: result.articleId, annotationId: result.annotationId });
  }
  await showArticle(result.articleId);
}
