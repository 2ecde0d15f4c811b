/**
 * The window's side of the change feed: each change the notebook commits — this window's,
 * another window's, an undo's — updates the stores in place. Listings come in the change
 * itself; what a change can touch beyond its records (the open article's highlights, the open
 * note's links, claims citing a changed article, tag counts) is fetched again, and only that.
 * A missed change (a gap in the sequence, a dropped stream) makes the window fetch everything.
 */
import type { NotebookChange } from '../../src-main/common/change-feed';
import type { ArticleListing, NoteMeta } from '../../src-main/common/model';
import { notebook } from '../notebook-client';
import { newestFirst } from '../../src-main/common/iso-times';
import { loadAnnotations, loadClaims, loadHistory, loadLegend, loadNotes } from './annotation-actions';
import { annotationStore } from './annotation-store';
import { historyStore } from './history-store';
import { legendStore } from './legend-store';
import { researchStore } from './research-store';
import { closeArticle, loadLibrary, reloadOpenArticle } from './library-actions';
import { libraryStore } from './library-store';
import { keepSelectedAmong } from './library-view-selection';
import { noteStore } from './note-store';
import { patched } from './patched';
import { loadTags, reloadOpenNote } from './research-refresh';
import { setDamagedFiles } from './status-store';
import { show } from './workspace-store';

let lastSeq = 0;

function applyArticles(change: NotebookChange): void {
  if (change.articles.length === 0) return;
  libraryStore.setState(({ articles }) => ({ articles: patched<ArticleListing>(articles, change.articles.map((a) => ({ id: a.id, item: a.listing }))) }));
  keepSelectedAmong(new Set(libraryStore.getState().articles.map((article) => article.id)));

  const { openId, view } = libraryStore.getState();
  const open = change.articles.find((a) => a.id === openId);
  if (!openId || !open) return;
  if (!open.listing) return closeArticle();
  const { annotationCount: _count, ...meta } = open.listing;
  if (open.body && view?.id === openId) void reloadOpenArticle();
  else if (view?.id === openId) {
    // The listing carries no conflict history: the view keeps its own, fetched again only when the feed says it changed.
    // The revision comes with the change, so an edit of the article's details is based on the version shown.
    const rev = open.rev ?? view.rev;
    libraryStore.setState({ view: { ...meta, ...(rev ? { rev } : {}), ...(view.conflicts ? { conflicts: view.conflicts } : {}), doc: view.doc, html: view.html, text: view.text, original: view.original } });
    if (open.conflictRevs.join(' ') !== (view.conflicts ?? []).map((version) => version.rev ?? '').join(' ')) void refreshOpenConflicts(openId);
  }
  if (open.highlights && annotationStore.getState().articleId === openId) void loadAnnotations(openId);
}

/**
 * The open article's conflict history changed (an import, using or dismissing a version,
 * undoing either) without its text: only the history is taken from a fresh copy, so the reader
 * does not repaint.
 */
async function refreshOpenConflicts(id: string): Promise<void> {
  const answer = await notebook.getArticle({ id });
  const { view } = libraryStore.getState();
  if (!answer.ok || view?.id !== id) return;
  const { conflicts: _held, ...rest } = view;
  libraryStore.setState({ view: answer.value.conflicts ? { ...rest, conflicts: answer.value.conflicts } : rest });
}

function applyNotes(change: NotebookChange): void {
  if (change.notes.length === 0) return;
  researchStore.setState(({ notes }) => ({
    notes: patched<NoteMeta>(notes, change.notes.map((n) => ({ id: n.id, item: n.meta }))).sort(newestFirst),
  }));
  const { note } = noteStore.getState();
  const open = note && change.notes.find((n) => n.id === note.id);
  if (!open) return;
  if (!open.meta) {
    noteStore.setState({ note: null, base: null, save: 'saved' });
    show('article');
    return;
  }
  // Text typed and not yet saved stays the person's; otherwise the saved text is shown.
  void reloadOpenNote();
}

/**
 * Claims show quotes from their evidence and counts of the notes linked to them, so a change
 * to a cited article or to any note touches them too.
 */
function claimsTouched(change: NotebookChange): boolean {
  if (change.claims.length > 0 || change.notes.length > 0) return true;
  const changed = new Set(change.articles.map((a) => a.id));
  return researchStore.getState().claims.some((claim) => claim.evidence.some((e) => changed.has(e.articleId)));
}

export function applyChange(change: NotebookChange): void {
  if (lastSeq !== 0 && change.seq !== lastSeq + 1) {
    lastSeq = change.seq;
    void refreshEverything();
    return;
  }
  lastSeq = change.seq;
  historyStore.setState({ history: change.history });
  if (change.legend) legendStore.setState({ legend: change.legend });
  if (change.damagedFiles) setDamagedFiles(change.damagedFiles);
  applyArticles(change);
  applyNotes(change);
  if (claimsTouched(change)) void loadClaims();
  if (change.articles.length + change.claims.length + change.notes.length > 0) void loadTags();
}

/** Fetches everything the window shows (after a missed change). */
export async function refreshEverything(): Promise<void> {
  const { openId } = libraryStore.getState();
  const { articleId } = annotationStore.getState();
  await Promise.all([
    loadLibrary(),
    loadLegend(),
    loadHistory(),
    loadNotes(),
    loadClaims(),
    loadTags(),
    articleId ? loadAnnotations(articleId) : undefined,
    reloadOpenNote(),
  ]);
  const { articles } = libraryStore.getState();
  if (openId && !articles.some((article) => article.id === openId)) closeArticle();
}

/** For tests: forget the sequence, as a new window would. */
export function resetFeedSequence(): void {
  lastSeq = 0;
}
