/**
 * Turns a ranked candidate into what the person sees: the title and snippet with the matching
 * words marked, and for article text the exact passage to scroll to. Quoted phrases are
 * checked here against the record's text, since the index keeps no positions: a candidate
 * that holds the words but not the phrase is dropped (null).
 */
import type { SearchResult } from '../../common/search-schema';
import { findPassage, snippetAround, wordHits, type Passage } from './find-matches';
import type { ParsedQuery } from './parse-query';
import type { DocMeta } from './search-docs';

export interface DescribeContext {
  query: ParsedQuery;
  /** The canonical text of an article (null when its file cannot be read). */
  articleText(id: string): Promise<string | null>;
  meta(id: string): DocMeta | undefined;
}

const hasPhrase = (query: ParsedQuery) => query.phrases.length > 0;

/** The first field holding the query (phrases checked); null when none does. */
function bestField(fields: string[], query: ParsedQuery): { text: string; passage: Passage } | null {
  for (const text of fields) {
    const passage = findPassage(text, query);
    if (passage) return { text, passage };
  }
  return null;
}

export async function describeResult(meta: DocMeta, context: DescribeContext): Promise<SearchResult | null> {
  const { query } = context;
  const titled = (title: string) => ({ title, titleMatches: wordHits(title, query), tags: meta.tags });
  const fromField = (fields: string[], fallback: string) => {
    const found = bestField(fields, query);
    if (!found && hasPhrase(query)) return null;
    const snippet = found ? snippetAround(found.text, found.passage.position, query) : snippetAround(fallback, null, query);
    return { snippet: snippet.text, matches: snippet.matches };
  };
  switch (meta.kind) {
    case 'article': {
      const text = await context.articleText(meta.id);
      if (text === null) return null;
      const passage = findPassage(text, query);
      if (!passage && hasPhrase(query) && !findPassage(meta.title, query)) return null;
      const snippet = snippetAround(text, passage?.position ?? null, query);
      return {
        kind: 'article',
        id: meta.id,
        articleId: meta.id,
        ...titled(meta.title),
        snippet: snippet.text,
        matches: snippet.matches,
        ...(passage ? { position: passage.position } : {}),
      };
    }
    case 'annotation': {
      const inQuote = findPassage(meta.quote, query);
      const inComment = meta.comment === '' ? null : findPassage(meta.comment, query);
      if (!inQuote && !inComment && hasPhrase(query)) return null;
      const quote = snippetAround(meta.quote, inQuote?.position ?? null, query);
      const comment = inComment ? snippetAround(meta.comment, inComment.position, query) : null;
      const article = context.meta(meta.articleId);
      return {
        kind: 'annotation',
        id: meta.id,
        articleId: meta.articleId,
        annotationId: meta.id,
        color: meta.color,
        ...titled(article?.kind === 'article' ? article.title : 'Highlight'),
        snippet: quote.text,
        matches: quote.matches,
        ...(comment ? { comment: { text: comment.text, matches: comment.matches } } : {}),
      };
    }
    case 'claim': {
      if (hasPhrase(query) && !findPassage(meta.statement, query)) return null;
      const first = meta.evidence[0];
      // The statement is the title; the snippet is the passage that backs it.
      const evidence = first ? context.meta(first.annotationId) : undefined;
      const quote = evidence?.kind === 'annotation' ? evidence.quote : '';
      const passage = findPassage(quote, query);
      const snippet = snippetAround(quote, passage?.position ?? null, query);
      return {
        kind: 'claim',
        id: meta.id,
        ...(first ? { articleId: first.articleId, annotationId: first.annotationId } : {}),
        ...titled(meta.statement),
        snippet: snippet.text,
        matches: snippet.matches,
      };
    }
    case 'note': {
      const inTitle = findPassage(meta.title, query) !== null;
      const shown = fromField([meta.body], meta.body) ?? (inTitle ? plain(meta.body, query) : null);
      if (!shown) return null;
      return { kind: 'note', id: meta.id, ...titled(meta.title), ...shown };
    }
  }
}

function plain(text: string, query: ParsedQuery) {
  const snippet = snippetAround(text, null, query);
  return { snippet: snippet.text, matches: snippet.matches };
}
