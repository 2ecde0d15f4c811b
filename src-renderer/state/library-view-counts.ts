/**
 * Keeps the library's highlight count of the open article in step with the reader: when a
 * highlight is made or deleted the reader reloads the article's annotations, and the count
 * follows from them without listing the whole library again.
 */
import { annotationStore } from './annotation-store';
import { libraryStore } from './library-store';

annotationStore.subscribe((now, before) => {
  // Switching articles first empties the list; only a load for the same article counts.
  if (now.annotations === before.annotations || !now.articleId || now.articleId !== before.articleId) return;
  const count = now.annotations.filter((annotation) => annotation.articleId === now.articleId).length;
  const listed = libraryStore.getState().articles.find((article) => article.id === now.articleId);
  if (!listed || listed.annotationCount === count) return;
  libraryStore.setState(({ articles }) => ({
    articles: articles.map((article) => (article.id === now.articleId ? { ...article, annotationCount: count } : article)),
  }));
});
