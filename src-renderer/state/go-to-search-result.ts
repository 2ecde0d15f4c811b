/**
 * Going to a search result: its article opens in the reader and the exact place is scrolled
 * into view and flashed — the found words for article text, the highlight for a highlight,
 * the first evidence passage for a claim. A note opens in the note editor.
 */
import type { SearchResult } from '../../src-main/common/search-schema';
import { openArticle } from './library-actions';
import { libraryStore } from './library-store';
import { requestPassageFocus } from './passage-focus';
import { report } from './status-store';
import { openNote } from './notes-actions';
import { show } from './workspace-store';

async function showArticle(id: string): Promise<void> {
  const { openId, view } = libraryStore.getState();
  if (openId === id && view?.id === id) return show('article');
  await openArticle(id);
}

export async function goToResult(result: SearchResult): Promise<void> {
  if (result.kind === 'note') return openNote(result.id);
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
