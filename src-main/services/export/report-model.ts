/**
 * Builds a Report (report.ts) from a notebook: which highlights and claims a scope holds, in
 * reading order, with paragraph pinpoints, colour meanings, the claims and notes that cite
 * each passage, and citations formatted in the chosen style. It reads through `ReportData`,
 * which the open store (app, browser mode) and a read-only view of the folder (the command
 * line) both provide, so the report is the same wherever it is made.
 *
 * Articles are read one at a time, with a pause for other work after each, so a 10,000-article
 * export keeps the main process answering; `onProgress` and `signal` let a caller show how
 * far it is and stop it.
 */
import { BLOCK_SEPARATOR, normalizeDoc, textBlocks } from '../../common/anchoring/canonical-text';
import type { ArticleDoc } from '../../common/article-doc';
import { NotebookError } from '../../common/errors';
import type { Annotation, Article, ArticleMeta, Claim, ColorLegend, Note, NoteMeta, Relation } from '../../common/model';
import type { Deletion } from '../../store/deletion-log';
import { backlinksByAnnotation, backlinksByClaim } from '../../common/note-links';
import { byReadingOrder } from '../../common/reading-order';
import { hasTag } from '../../common/tags';
import { anchorState } from '../annotations';
import { articleText } from '../article-text';
import { citeArticle, sortBibliography, type SourceCitation } from './citations';
import type { CitationStyle, Report, ReportClaim, ReportHighlight, ReportOptions, ReportShape, ReportSource } from './report';
import { yieldToEventLoop } from '../../store/event-loop-turns';

/** What a report is made from. */
export interface ReportData {
  legend(): ColorLegend;
  articleMetas(): readonly ArticleMeta[];
  claims(): readonly Claim[];
  noteMetas(): readonly NoteMeta[];
  readArticle(id: string): Promise<{ article: Article; annotations: readonly Annotation[] }>;
  readNoteBody(id: string): Promise<string>;
  /** A note whole (its body, revisions and conflict history), for bundles. */
  readNote(id: string): Promise<Note>;
  /** What was deleted, for bundles (see store/deletion-log.ts). */
  deletions(): Promise<readonly Deletion[]>;
  /** The notebook's name (its folder's), for a bundle's or a project's name. */
  notebookName: string;
  /** Every highlight that carries a tag, with its article (so a tag scope need not read every article). */
  taggedHighlights(): Promise<readonly TaggedHighlight[]>;
}

export interface TaggedHighlight {
  annotationId: string;
  articleId: string;
  tags: readonly string[];
}

/**
 * What to export. Empty everywhere: the whole notebook. Otherwise a highlight is in scope when
 * its article is one of `articleIds` or carries one of `tags`, when it carries one of `tags`
 * itself or through a claim it backs, or when it backs one of `claimIds`. By claim, the claims
 * in scope are those in `claimIds`, those carrying one of `tags`, and those with evidence in
 * one of `articleIds`. A tag includes the tags under it (`topic` includes `topic/trade`).
 */
export interface ExportScope {
  articleIds: readonly string[];
  tags: readonly string[];
  claimIds: readonly string[];
}

export interface BuildOptions {
  scope: ExportScope;
  shape: ReportShape;
  style: CitationStyle;
  options: ReportOptions;
  /** Names the scope in the report's title; worked out from the scope when absent. */
  scopeLabel?: string;
  now: () => Date;
  /** After each article read: how many of how many. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Only the first this many sources (by source) or claims (by claim): a preview. */
  limit?: number;
  /**
   * For the exchange formats, which carry records rather than a report: no citations are
   * formatted (citeproc costs ~7 ms a source), and a scope without highlights is not an error
   * (its articles and notes still travel).
   */
  recordsOnly?: boolean;
  /** Told of each article read, whole (the exchange formats carry the records themselves). */
  onRecord?: (record: { article: Article; annotations: readonly Annotation[] }) => void;
}

/** The citation of a source whose report will not be read (recordsOnly). */
const UNCITED: SourceCitation = { inText: '', text: '', html: '', at: () => '' };

const RELATION_ORDER: readonly Relation[] = ['supports', 'contradicts', 'questions', 'context'];
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Lets the event loop answer other calls between articles. */
const pause = yieldToEventLoop;

const isEmpty = (scope: ExportScope) => scope.articleIds.length === 0 && scope.tags.length === 0 && scope.claimIds.length === 0;
const anyTag = (tags: readonly string[], filters: readonly string[]) => filters.some((filter) => hasTag(tags, filter));

/**
 * The paragraph numbers of an article: for an offset in its canonical text, the 1-based number
 * of the text block that holds it. The blocks' starts are worked out once per article.
 */
export function paragraphsOf(doc: ArticleDoc): (offset: number) => number {
  const starts: number[] = [];
  let start = 0;
  for (const block of textBlocks(normalizeDoc(doc))) {
    starts.push(start);
    start += block.length + BLOCK_SEPARATOR.length;
  }
  return (offset) => {
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (starts[middle]! <= offset) low = middle + 1;
      else high = middle;
    }
    return Math.max(1, low);
  };
}

export async function buildReport(data: ReportData, build: BuildOptions): Promise<Report> {
  const { scope, shape, style, options } = build;
  const everything = isEmpty(scope);
  const metas = new Map(data.articleMetas().map((meta) => [meta.id, meta]));
  const claims = data.claims();
  const notes = options.notes ? data.noteMetas() : [];
  const legend = data.legend();
  const citingNotes = backlinksByAnnotation(notes);
  const claimNotes = backlinksByClaim(data.noteMetas());

  // Which claims each highlight backs.
  const claimsOf = new Map<string, Claim[]>();
  for (const claim of claims) {
    for (const { annotationId } of claim.evidence) claimsOf.set(annotationId, [...(claimsOf.get(annotationId) ?? []), claim]);
  }

  const scopeClaimIds = new Set(scope.claimIds);
  const scopeArticleIds = new Set(scope.articleIds);
  const claimsInScope =
    shape === 'claim'
      ? claims.filter(
          (claim) =>
            everything || scopeClaimIds.has(claim.id) || anyTag(claim.tags, scope.tags) || claim.evidence.some((e) => scopeArticleIds.has(e.articleId)),
        )
      : [];
  if (build.limit !== undefined) claimsInScope.splice(build.limit);
  const evidenceInScope = new Set(claimsInScope.flatMap((claim) => claim.evidence.map((e) => e.annotationId)));

  const inScope = (annotation: Annotation, article: ArticleMeta): boolean => {
    if (shape === 'claim') return evidenceInScope.has(annotation.id);
    if (everything || scopeArticleIds.has(article.id) || anyTag(article.tags, scope.tags) || anyTag(annotation.tags, scope.tags)) return true;
    return (claimsOf.get(annotation.id) ?? []).some((claim) => scopeClaimIds.has(claim.id) || anyTag(claim.tags, scope.tags));
  };

  // The articles to read: every one only for the whole notebook.
  const candidates = new Set<string>();
  if (shape === 'claim') for (const claim of claimsInScope) for (const e of claim.evidence) candidates.add(e.articleId);
  else if (everything) for (const id of metas.keys()) candidates.add(id);
  else {
    for (const id of scope.articleIds) candidates.add(id);
    for (const meta of metas.values()) if (anyTag(meta.tags, scope.tags)) candidates.add(meta.id);
    if (scope.tags.length > 0) for (const tagged of await data.taggedHighlights()) if (anyTag(tagged.tags, scope.tags)) candidates.add(tagged.articleId);
    for (const claim of claims) {
      if (scopeClaimIds.has(claim.id) || anyTag(claim.tags, scope.tags)) for (const e of claim.evidence) candidates.add(e.articleId);
    }
  }
  for (const id of scope.articleIds) if (!metas.has(id)) throw new NotebookError('not_found', `No article with id ${id} in this notebook.`);
  for (const id of scope.claimIds) if (!claims.some((claim) => claim.id === id)) throw new NotebookError('not_found', `No claim with id ${id} in this notebook.`);

  const ordered = [...candidates].filter((id) => metas.has(id)).sort((a, b) => collator.compare(metas.get(a)!.title, metas.get(b)!.title));
  if (build.limit !== undefined && shape === 'source') ordered.splice(build.limit);
  const sources: ReportSource[] = [];
  const highlights = new Map<string, ReportHighlight>();
  for (const [index, id] of ordered.entries()) {
    if (build.signal?.aborted) throw new NotebookError('cancelled', 'The export was cancelled.');
    const meta = metas.get(id)!;
    const record = await data.readArticle(id);
    build.onRecord?.(record);
    const { article, annotations } = record;
    const text = articleText(article.doc);
    const citation = build.recordsOnly ? UNCITED : citeArticle(article, style);
    const paragraphAt = paragraphsOf(article.doc);
    const views = annotations
      .filter((annotation) => inScope(annotation, meta))
      .map((annotation) => ({ ...annotation, anchor: anchorState(text, annotation.target) }))
      .filter((view) => options.needsReview || view.anchor.status === 'anchored')
      .sort(byReadingOrder);
    const shown = views.map((view): ReportHighlight => {
      const anchored = view.anchor.status === 'anchored';
      const paragraph = view.anchor.status === 'anchored' ? paragraphAt(view.anchor.start) : null;
      return {
        id: view.id,
        articleId: id,
        quote: view.target.quote.exact,
        color: view.color,
        colorMeaning: legend[view.color],
        tags: [...view.tags],
        comment: options.comments ? view.comment : '',
        paragraph,
        citation: paragraph === null ? citation.inText : citation.at(paragraph),
        start: view.anchor.status === 'anchored' ? view.anchor.start : view.target.position.start,
        end: view.anchor.status === 'anchored' ? view.anchor.end : view.target.position.end,
        needsReview: !anchored,
        claims: (claimsOf.get(view.id) ?? []).map((claim) => ({ id: claim.id, statement: claim.statement })),
        notes: (citingNotes.get(view.id) ?? []).map((link) => ({ id: link.noteId, title: link.noteTitle, relation: link.relation })),
        createdAt: view.createdAt,
        updatedAt: view.updatedAt,
      };
    });
    for (const highlight of shown) highlights.set(highlight.id, highlight);
    const { inText, text: entry, html } = citation;
    sources.push({
      id,
      title: article.title,
      ...(article.byline ? { byline: article.byline } : {}),
      ...(article.siteName ? { siteName: article.siteName } : {}),
      ...(article.url ? { url: article.url } : {}),
      ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
      tags: [...article.tags],
      citation: { inText, text: entry, html },
      highlights: shown,
    });
    build.onProgress?.(index + 1, ordered.length);
    await pause();
  }

  const reportClaims: ReportClaim[] = [];
  for (const claim of claimsInScope) {
    const links = claimNotes.get(claim.id) ?? [];
    const count = (relation: Relation) => links.filter((link) => link.relation === relation).length;
    const grouped = [];
    if (options.notes) {
      for (const relation of RELATION_ORDER) {
        const these = links.filter((link) => link.relation === relation);
        if (these.length === 0) continue;
        grouped.push({ relation, notes: await Promise.all(these.map(async (link) => ({ id: link.noteId, title: link.noteTitle, body: await data.readNoteBody(link.noteId) }))) });
      }
    }
    reportClaims.push({
      id: claim.id,
      statement: claim.statement,
      tags: [...claim.tags],
      tally: { supports: count('supports'), contradicts: count('contradicts'), questions: count('questions') },
      evidence: claim.evidence.flatMap((e) => highlights.get(e.annotationId) ?? []),
      notes: grouped,
      createdAt: claim.createdAt,
      updatedAt: claim.updatedAt,
    });
  }

  const cited = shape === 'claim' ? sources.filter((source) => source.highlights.length > 0) : sources;
  const count = shape === 'claim' ? reportClaims.length : cited.reduce((sum, source) => sum + source.highlights.length, 0);
  if (count === 0 && !build.recordsOnly) throw new NotebookError('invalid_argument', shape === 'claim' ? 'No claims in this scope.' : 'No highlights in this scope.');
  return {
    scopeLabel: build.scopeLabel ?? scopeLabelOf(scope, metas, claims),
    shape,
    style,
    options,
    generatedAt: build.now().toISOString(),
    sources: cited,
    claims: reportClaims,
    bibliography: sortBibliography(cited.map((source) => source.citation)),
  };
}

/** "Whole notebook", a tag, an article's title, "3 articles", "2 claims" — joined with " + ". */
export function scopeLabelOf(scope: ExportScope, metas: ReadonlyMap<string, ArticleMeta>, claims: readonly Claim[]): string {
  if (isEmpty(scope)) return 'Whole notebook';
  const parts: string[] = [...scope.tags];
  if (scope.articleIds.length === 1) parts.push(metas.get(scope.articleIds[0]!)?.title ?? '1 article');
  else if (scope.articleIds.length > 1) parts.push(`${scope.articleIds.length} articles`);
  if (scope.claimIds.length === 1) parts.push(claims.find((claim) => claim.id === scope.claimIds[0])?.statement.slice(0, 60) ?? '1 claim');
  else if (scope.claimIds.length > 1) parts.push(`${scope.claimIds.length} claims`);
  return parts.join(' + ');
}
