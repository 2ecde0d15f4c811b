/**
 * What the search index knows of each record besides its terms: enough to filter and to show
 * a result, never an article's body (that stays in its file and is read for the few results
 * shown). Highlights, claims and notes are short, so their text is kept for snippets.
 */
import { z } from '../../common/zod';
import { highlightColorSchema } from '../../common/annotation-schema';
import type { HighlightColor, LinkTarget } from '../../common/model';
import { evidenceSchema, linkTargetSchema } from '../../common/research-schema';
import type { SearchFilters } from '../../common/search-schema';
import { hasTag } from '../../common/tags';

export type DocMeta =
  | { kind: 'article'; id: string; title: string; tags: string[]; updatedAt: string; annotationIds: string[] }
  | { kind: 'annotation'; id: string; articleId: string; color: HighlightColor; tags: string[]; quote: string; comment: string }
  | { kind: 'claim'; id: string; statement: string; tags: string[]; evidence: { annotationId: string; articleId: string }[] }
  | { kind: 'note'; id: string; title: string; tags: string[]; body: string; links: LinkTarget[] };

/** The text a record is searched by; a title's words also count as title words. */
export function docText(meta: DocMeta): { title: string; body: string[] } {
  switch (meta.kind) {
    case 'article':
      return { title: meta.title, body: [] };
    case 'annotation':
      return { title: '', body: [meta.quote, meta.comment] };
    case 'claim':
      return { title: '', body: [meta.statement] };
    case 'note':
      return { title: meta.title, body: [meta.body] };
  }
}

/** Looks up other records' metadata, for filters that follow links. */
export type MetaLookup = (id: string) => DocMeta | undefined;

function articlesOf(meta: DocMeta, lookup: MetaLookup): string[] {
  switch (meta.kind) {
    case 'article':
      return [meta.id];
    case 'annotation':
      return [meta.articleId];
    case 'claim':
      return meta.evidence.map((e) => e.articleId);
    case 'note':
      return meta.links.flatMap((link) => {
        const target = lookup('claimId' in link ? link.claimId : link.annotationId);
        return target && target.kind !== 'note' ? articlesOf(target, lookup) : [];
      });
  }
}

function colorsOf(meta: DocMeta, lookup: MetaLookup): HighlightColor[] {
  if (meta.kind === 'annotation') return [meta.color];
  if (meta.kind === 'claim') return meta.evidence.flatMap((e) => {
    const annotation = lookup(e.annotationId);
    return annotation?.kind === 'annotation' ? [annotation.color] : [];
  });
  return [];
}

/** Whether a record passes the filters. */
export function passesFilters(meta: DocMeta, filters: SearchFilters, lookup: MetaLookup): boolean {
  if (filters.kind && meta.kind !== filters.kind) return false;
  if (filters.tag && !hasTag(meta.tags, filters.tag)) return false;
  if (filters.color && !colorsOf(meta, lookup).includes(filters.color)) return false;
  if (filters.articleId && !articlesOf(meta, lookup).includes(filters.articleId)) return false;
  return true;
}

const stringList = z.array(z.string());
/** Metadata read back from a saved index: checked like any file read from disk. */
export const docMetaSchema: z.ZodType<DocMeta> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('article'), id: z.string(), title: z.string(), tags: stringList, updatedAt: z.string(), annotationIds: stringList }),
  z.object({ kind: z.literal('annotation'), id: z.string(), articleId: z.string(), color: highlightColorSchema, tags: stringList, quote: z.string(), comment: z.string() }),
  z.object({ kind: z.literal('claim'), id: z.string(), statement: z.string(), tags: stringList, evidence: z.array(evidenceSchema) }),
  z.object({ kind: z.literal('note'), id: z.string(), title: z.string(), tags: stringList, body: z.string(), links: z.array(linkTargetSchema) }),
]);
