/** Search: what may be asked (validated at the boundary) and what comes back. */
import { z } from './zod';
import { highlightColorSchema } from './annotation-schema';
import type { HighlightColor } from './model';
import { articleIdSchema, tagSchema } from './schema';

export const SEARCH_KINDS = ['article', 'annotation', 'claim', 'note'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Longest query accepted, in characters. */
export const MAX_QUERY = 500;

export const searchFiltersSchema = z
  .object({
    kind: z.enum(SEARCH_KINDS, { error: `kind must be one of ${SEARCH_KINDS.join(', ')}` }).optional(),
    /** Records with this tag or a tag under it (`region` includes `region/east-asia`). */
    tag: tagSchema.optional(),
    /** Highlights of this colour, and claims backed by one. */
    color: highlightColorSchema.optional(),
    /** The article, its highlights, the claims it backs and the notes citing them. */
    articleId: articleIdSchema.optional(),
  })
  .strict();
export type SearchFilters = z.infer<typeof searchFiltersSchema>;

export const searchArgs = z
  .object({
    query: z.string({ error: 'query must be text' }).max(MAX_QUERY, { error: `query is longer than ${MAX_QUERY} characters` }),
    filters: searchFiltersSchema.optional(),
  })
  .strict();

/** A range of characters in a string. */
export interface MatchRange {
  start: number;
  end: number;
}

export interface SearchResult {
  kind: SearchKind;
  /** The record's id (article, annotation, claim or note). */
  id: string;
  /** The article the result belongs to (highlights; for an article, itself). */
  articleId?: string;
  /** The article's title, a note's title, or a claim's statement. */
  title: string;
  /** The words of `title` that match. */
  titleMatches: MatchRange[];
  /** The matching words in context (a highlight's quote, a claim's first evidence passage). */
  snippet: string;
  /** The matching words, in offsets of `snippet`. */
  matches: MatchRange[];
  /** Where the matching passage sits in the article's canonical text (article text results). */
  position?: MatchRange;
  /** A highlight's comment around the matching words, when they are in it (plain text). */
  comment?: { text: string; matches: MatchRange[] };
  /** The highlight to go to: a highlight itself, or a claim's first evidence passage. */
  annotationId?: string;
  /** A highlight's colour. */
  color?: HighlightColor;
  tags: string[];
}

export interface SearchAnswer {
  /** Best first. */
  results: SearchResult[];
  /** While the index is being built, how far it has got; results until then are incomplete. */
  indexing: { indexed: number; total: number } | null;
}
