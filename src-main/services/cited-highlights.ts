/**
 * What a claim shows of each highlight it cites: the article's title, the quote and the colour.
 * Listing 1,000 claims used to read (and copy) the article of every piece of evidence on every
 * call — ~0.4 s at 10,000 articles, and every one of those articles kept in memory. This keeps
 * the few fields each cited highlight needs, read once (the annotations alone, past the
 * store's cache: the title comes from the index), and forgets an article's entries when the
 * store reports that article written or removed, so they are never stale.
 */
import type { HighlightColor } from '../common/model';
import type { NotebookStore } from '../store/notebook-store';

export interface CitedHighlight {
  articleTitle: string;
  quote: string;
  color: HighlightColor;
}

export interface CitedHighlights {
  /** The highlight's summary, or undefined when no article holds it any more. */
  get(annotationId: string): Promise<CitedHighlight | undefined>;
  stop(): void;
}

export function citedHighlights(store: NotebookStore): CitedHighlights {
  const known = new Map<string, CitedHighlight & { articleId: string }>();
  const byArticle = new Map<string, Set<string>>();
  /** Counts writes, so a read that a write overtook is not remembered. */
  let writes = 0;

  const stop = store.onChange((change) => {
    if (change.kind !== 'article') return;
    writes += 1;
    for (const annotationId of byArticle.get(change.id) ?? []) known.delete(annotationId);
    byArticle.delete(change.id);
  });

  return {
    async get(annotationId) {
      const cached = known.get(annotationId);
      if (cached) return cached;
      const before = writes;
      const articleId = await store.findAnnotation(annotationId);
      if (!articleId) return undefined;
      const annotations = await store.readAnnotations(articleId);
      const articleTitle = store.articleTitle(articleId);
      if (articleTitle === undefined) return undefined;
      const found = annotations.find((a) => a.id === annotationId);
      const summary = found && { articleId, articleTitle, quote: found.target.quote.exact, color: found.color };
      if (writes !== before) return summary;
      // Everything of this article at once: claims tend to cite several passages of one source.
      const ids = byArticle.get(articleId) ?? new Set<string>();
      byArticle.set(articleId, ids);
      for (const annotation of annotations) {
        ids.add(annotation.id);
        known.set(annotation.id, { articleId, articleTitle, quote: annotation.target.quote.exact, color: annotation.color });
      }
      return summary;
    },
    stop,
  };
}
