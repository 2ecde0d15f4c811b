/**
 * What the person can do to the library. Each action makes one call through the notebook
 * client, then updates the stores. Actions whose errors belong in a dialog (import, rename,
 * delete) return the answer so the dialog can show it next to what was typed; the others
 * report their errors to the status region.
 */
import type { ApiArg, ApiResponse } from '../../src-main/common/api';
import type { NotebookChange } from '../../src-main/common/change-feed';
import type { ArticleListing, ArticleMeta } from '../../src-main/common/model';
import { notebook } from '../notebook-client';
import { saveArticleFields, type RevisedMeta } from './article-save';
import { notebookFeed } from '../notebook-feed';
import { loadAnnotations } from './annotation-actions';
import { FIRST_ROWS, takeArrivedFirstRows, takeEarlyFirstRows } from './early-first-rows';
import { libraryStore, whenReaderSettled } from './library-store';
import { libraryViewStore } from './library-view-store';
import { tagFilterStore } from './tag-filter-store';
import { flushNote } from './notes-actions';
import { patched } from './patched';
import { show } from './workspace-store';
import { report, reportError } from './status-store';


/** The first rows, unless the whole library was listed meanwhile. */
function listFirst(articles: ArticleListing[]): void {
  if (!libraryStore.getState().listed) libraryStore.setState({ articles, listed: true, complete: false, listFailed: false });
}

/**
 * Fetches the rows the person's view shows first, on their own, unless the library is already
 * listed: they are painted while the whole list (megabytes at 10,000 articles) follows.
 */
export async function loadFirstRows(): Promise<void> {
  if (libraryStore.getState().listed) return;
  const view = libraryViewStore.getState();
  const { tag } = tagFilterStore.getState();
  const early = await takeEarlyFirstRows(view, tag);
  const rows = early ? { ok: true as const, value: early } : await notebook.listArticles({ first: { view, tag, limit: FIRST_ROWS } });
  if (rows.ok) listFirst(rows.value);
}

/**
 * Lists the early first rows if they have already arrived, without waiting: called before the
 * window's first render (main.tsx), so that render paints them and the window is not rendered
 * and laid out a second time for them.
 */
export function listArrivedFirstRows(): void {
  if (libraryStore.getState().listed) return;
  const rows = takeArrivedFirstRows(libraryViewStore.getState(), tagFilterStore.getState().tag);
  if (rows) listFirst(rows);
}

/** Fetches the article list (the first time, its first rows before the rest). */
export async function loadLibrary(): Promise<void> {
  // Asked first, so the main side answers it before it lists the whole library.
  const first = loadFirstRows();
  await Promise.all([first, loadWholeLibrary()]);
}

/**
 * Articles per page of the whole list: ~250 KB of JSON, which the main side answers in a few
 * milliseconds. In one answer, 10,000 articles kept it busy ~100–180 ms, and an article opened
 * meanwhile waited behind them.
 */
export const LIBRARY_PAGE = 1000;

/**
 * Fetches the whole article list, page by page, pausing while an article is being opened or
 * painted.
 * Changes committed meanwhile are applied over the pages at the end: a page may have been
 * listed before a change that the feed has already brought.
 */
export async function loadWholeLibrary(pageSize = LIBRARY_PAGE): Promise<void> {
  const changes: NotebookChange['articles'][number][] = [];
  const stopRecording = notebookFeed.subscribe((change) => changes.push(...change.articles));
  try {
    const rows: ArticleListing[] = [];
    for (let after: string | null = null; ; ) {
      await whenReaderSettled();
      const answer = await notebook.listArticles({ page: { after, limit: pageSize } });
      if (!answer.ok) {
        libraryStore.setState({ listFailed: true });
        reportError(answer.error);
        return;
      }
      rows.push(...answer.value);
      if (answer.value.length < pageSize) break;
      after = answer.value[answer.value.length - 1]!.id;
    }
    // Listing 10,000 rows takes the window a moment: not while an article is being painted.
    await whenReaderSettled();
    const articles = patched(rows, changes.map((change) => ({ id: change.id, item: change.listing })));
    libraryStore.setState({ articles, listed: true, complete: true, listFailed: false });
  } finally {
    stopRecording();
  }
}

/**
 * Opens an article in the reader, with its highlights (settled when both are shown). A later
 * click wins over an earlier one still loading.
 */
export async function openArticle(id: string): Promise<void> {
  void flushNote();
  show('article');
  libraryStore.setState({ openId: id, opening: true });
  // The highlights are fetched alongside the text rather than once it is shown: for an
  // article with 1,000 of them the two answers take about as long as each other.
  const highlights = loadAnnotations(id);
  const answer = await notebook.getArticle({ id });
  if (libraryStore.getState().openId !== id) return;
  if (!answer.ok) {
    libraryStore.setState({ opening: false, view: null });
    reportError(answer.error);
    return;
  }
  // Shown at once; still opening until its highlights are in.
  libraryStore.setState({ view: answer.value });
  await highlights;
  if (libraryStore.getState().openId === id) libraryStore.setState({ opening: false });
  await markOpened(id);
}

/** Notes that the article has been read (so the Unread filter knows); quiet about failures. */
async function markOpened(id: string): Promise<void> {
  if (libraryStore.getState().articles.find((article) => article.id === id)?.openedAt) return;
  const answer = await notebook.markArticleOpened({ id });
  if (!answer.ok) return;
  const { openedAt } = answer.value;
  libraryStore.setState(({ articles }) => ({ articles: articles.map((article) => (article.id === id ? { ...article, openedAt } : article)) }));
}

/** Fetches the open article's text again (another change replaced it); stays where the person is. */
export async function reloadOpenArticle(): Promise<void> {
  const { openId } = libraryStore.getState();
  if (!openId) return;
  const answer = await notebook.getArticle({ id: openId });
  if (libraryStore.getState().openId !== openId) return;
  if (answer.ok) libraryStore.setState({ view: answer.value });
  else reportError(answer.error);
}

export function closeArticle(): void {
  libraryStore.setState({ openId: null, view: null, opening: false });
}

/** Imports an article, lists it and opens it. */
export async function addArticle(arg: ApiArg<'importArticle'>): Promise<ApiResponse<ArticleMeta>> {
  const answer = await notebook.importArticle(arg);
  if (!answer.ok) return answer;
  const { notice, ...added } = answer.value;
  // Show the new article at once (the change feed brings the same listing).
  libraryStore.setState(({ articles }) => ({ articles: [{ ...added, annotationCount: 0 }, ...articles.filter((a) => a.id !== added.id)] }));
  report(`Added “${added.title}” to your library.${notice ? ` ${notice}` : ''}`);
  await openArticle(added.id);
  return answer;
}

/** Gives an article a new title, in the list and in the reader; `base` is the article as shown when renaming began. */
export async function renameArticle(base: RevisedMeta, title: string): Promise<ApiResponse<ArticleMeta>> {
  const { id } = base;
  const answer = await saveArticleFields(base, { title });
  if (!answer.ok) return answer;
  const meta = answer.value;
  libraryStore.setState(({ articles, view }) => ({
    articles: articles.map((article) => (article.id === id ? { ...article, ...meta } : article)),
    view: view && view.id === id ? { ...view, ...meta } : view,
  }));
  return answer;
}

/** Deletes an article; if it was open, the reader moves on to the next one in the list. */
export async function deleteArticle(id: string): Promise<ApiResponse<{ id: string }>> {
  // Read before the call: the change feed may remove the article (and close it) first.
  const { articles, openId } = libraryStore.getState();
  const answer = await notebook.deleteArticle({ id });
  if (!answer.ok) return answer;
  const index = articles.findIndex((article) => article.id === id);
  const deleted = articles[index];
  const remaining = articles.filter((article) => article.id !== id);
  libraryStore.setState(({ articles: now }) => ({ articles: now.filter((article) => article.id !== id) }));
  report(deleted ? `Deleted “${deleted.title}”. Undo brings it back.` : 'Deleted the article. Undo brings it back.');
  if (openId === id) {
    const next = remaining[Math.min(Math.max(index, 0), remaining.length - 1)];
    if (next) await openArticle(next.id);
    else closeArticle();
  }
  return answer;
}
