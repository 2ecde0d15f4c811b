/**
 * How a record's new state reaches the index. Text is counted again only when it changed:
 * a tag rename or a recolour touches metadata alone, and an annotation edit does not re-count
 * its article's body.
 */
import { canonicalText } from '../../common/anchoring/canonical-text';
import { markdownToDoc } from '../../common/markdown-to-doc';
import type { Annotation, Claim, Note } from '../../common/model';
import type { DocMeta } from './search-docs';
import type { SearchIndex } from './search-index';
import type { IndexedArticle } from './search-protocol';

type Of<K extends DocMeta['kind']> = Extract<DocMeta, { kind: K }>;

/** Comments and note bodies are Markdown: searched and shown as the words a reader sees. */
function plainText(markdown: string): string {
  return markdown.trim() === '' ? '' : canonicalText(markdownToDoc(markdown));
}

function annotationMeta(annotation: Annotation): Of<'annotation'> {
  return {
    kind: 'annotation',
    id: annotation.id,
    articleId: annotation.articleId,
    color: annotation.color,
    tags: [...annotation.tags],
    quote: annotation.target.quote.exact,
    comment: plainText(annotation.comment),
  };
}

/** Indexes an article and its annotations; answers whether the article's text was counted again. */
export function applyArticle(index: SearchIndex, { article, annotations }: IndexedArticle, textOf: (record: IndexedArticle) => string): boolean {
  const old = index.meta(article.id);
  const meta: Of<'article'> = {
    kind: 'article',
    id: article.id,
    title: article.title,
    tags: [...article.tags],
    updatedAt: article.updatedAt,
    annotationIds: annotations.map((a) => a.id),
  };
  const recount = old?.kind !== 'article' || old.title !== meta.title || old.updatedAt !== meta.updatedAt;
  if (recount) index.put(meta, textOf({ article, annotations }));
  else index.replaceMeta(meta);

  const kept = new Set(meta.annotationIds);
  if (old?.kind === 'article') for (const id of old.annotationIds) if (!kept.has(id)) index.remove(id);
  for (const annotation of annotations) {
    const next = annotationMeta(annotation);
    const before = index.meta(annotation.id);
    if (before?.kind === 'annotation' && before.quote === next.quote && before.comment === next.comment) index.replaceMeta(next);
    else index.put(next);
  }
  return recount;
}

export function removeArticle(index: SearchIndex, id: string): void {
  const old = index.meta(id);
  if (old?.kind === 'article') for (const annotationId of old.annotationIds) index.remove(annotationId);
  index.remove(id);
}

export function applyClaim(index: SearchIndex, id: string, claim: Claim | null): void {
  if (!claim) return index.remove(id);
  const meta: Of<'claim'> = { kind: 'claim', id, statement: claim.statement, tags: [...claim.tags], evidence: claim.evidence.map((e) => ({ ...e })) };
  const before = index.meta(id);
  if (before?.kind === 'claim' && before.statement === meta.statement) index.replaceMeta(meta);
  else index.put(meta);
}

export function applyNote(index: SearchIndex, id: string, note: Note | null): void {
  if (!note) return index.remove(id);
  const meta: Of<'note'> = { kind: 'note', id, title: note.title, tags: [...note.tags], body: plainText(note.body), links: note.links.map((l) => l.target) };
  const before = index.meta(id);
  if (before?.kind === 'note' && before.title === meta.title && before.body === meta.body) index.replaceMeta(meta);
  else index.put(meta);
}
