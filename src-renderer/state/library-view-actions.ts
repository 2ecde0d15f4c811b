/**
 * What the person does to the library beyond opening and adding: edit an article's details,
 * tag or delete the selected articles. Dialog actions return the answer so the dialog can
 * show a failure next to what was typed.
 */
import type { ApiArg, ApiResponse, ApiResults } from '../../src-main/common/api';
import type { ArticleMeta } from '../../src-main/common/model';
import { notebook } from '../notebook-client';
import { saveArticleFields, type RevisedMeta } from './article-save';
import { libraryStore } from './library-store';
import { clearSelection } from './library-view-selection';
import { report } from './status-store';
// The open article's count follows its highlights from here on.
import './library-view-counts';
import { counted } from '../../src-main/common/counted';

const articlesWord = (count: number) => counted(count, 'article');

/** Puts fresh metadata into the list and, when it is the open article, into the reader. */
function showMeta(meta: RevisedMeta): void {
  libraryStore.setState(({ articles, view }) => ({
    articles: articles.map((article) => (article.id === meta.id ? { ...meta, annotationCount: article.annotationCount } : article)),
    view: view && view.id === meta.id ? { ...meta, doc: view.doc, html: view.html, text: view.text, original: view.original } : view,
  }));
}

/** Saves the details from "Edit details", edited from `base` (the article as the dialog opened on it): one undo step. */
export async function saveDetails(base: RevisedMeta, arg: ApiArg<'updateArticle'>): Promise<ApiResponse<ArticleMeta>> {
  const { id: _id, content: _content, baseRev: _baseRev, ...details } = arg;
  const answer = await saveArticleFields(base, details);
  if (!answer.ok) return answer;
  showMeta(answer.value);
  report(`Saved the details of “${answer.value.title}”.`);
  return answer;
}

/** Adds and/or removes tags on several articles (one undo step). */
export async function tagArticles(arg: ApiArg<'tagArticles'>): Promise<ApiResponse<ApiResults['tagArticles']>> {
  const answer = await notebook.tagArticles(arg);
  if (!answer.ok) return answer;
  const { changed } = answer.value;
  const what = arg.add?.length ? `Tagged ${articlesWord(changed)} “${arg.add.join('”, “')}”` : `Removed “${(arg.remove ?? []).join('”, “')}” from ${articlesWord(changed)}`;
  report(changed === 0 ? 'Nothing to change: the selected articles already had those tags.' : `${what}.`);
  return answer;
}

/** Deletes several articles with their highlights (one undo step), then clears the selection. */
export async function deleteArticles(ids: string[]): Promise<ApiResponse<ApiResults['deleteArticles']>> {
  const answer = await notebook.deleteArticles({ ids });
  if (!answer.ok) return answer;
  clearSelection();
  report(`Deleted ${articlesWord(answer.value.deleted)}. Undo brings them back.`);
  return answer;
}
