/**
 * The records an exchange export holds, whole: the articles the report of the same scope
 * shows, each with the highlights in scope; the claims those highlights back (or the scope
 * names); the notes that link to them (or carry a scope tag); and for a whole notebook, every
 * record and every deletion. A bundle must lose nothing, so the report's "include" options do
 * not apply here.
 */
import { NotebookError } from '../../common/errors';
import type { Annotation, Article, Claim, Note } from '../../common/model';
import { hasTag } from '../../common/tags';
import type { Deletion } from '../../store/deletion-log';
import { articleText } from '../article-text';
import type { Report } from '../export/report';
import type { ExportScope, ReportData } from '../export/report-model';
import type { ExchangeSnapshot } from './exchange-types';

export interface ExchangeRecords {
  snapshot: ExchangeSnapshot;
  deletions: Deletion[];
}

const isWhole = (scope: ExportScope) => scope.articleIds.length === 0 && scope.tags.length === 0 && scope.claimIds.length === 0;

/** Articles the report read, whole, by id (see BuildOptions.onRecord): read once, not twice. */
export type ReadRecords = ReadonlyMap<string, { article: Article; annotations: readonly Annotation[] }>;

export async function exchangeRecords(data: ReportData, report: Report, scope: ExportScope, exportedAt: string, read: ReadRecords): Promise<ExchangeRecords> {
  const whole = isWhole(scope);
  const inScope = new Set(report.sources.flatMap((source) => source.highlights.map((highlight) => highlight.id)));
  const articles: ExchangeSnapshot['articles'] = [];
  for (const source of report.sources) {
    const { article, annotations } = read.get(source.id) ?? (await data.readArticle(source.id));
    articles.push({ article, annotations: annotations.filter((a) => whole || inScope.has(a.id)), text: articleText(article.doc) });
  }
  const included = new Set(articles.flatMap((entry) => entry.annotations.map((a) => a.id)));
  const scopeTag = (tags: readonly string[]) => scope.tags.some((tag) => hasTag(tags, tag));
  const claims: Claim[] = data
    .claims()
    .filter((claim) => whole || scope.claimIds.includes(claim.id) || scopeTag(claim.tags) || claim.evidence.some((e) => included.has(e.annotationId)));
  const claimIds = new Set(claims.map((claim) => claim.id));
  const notes: Note[] = [];
  for (const meta of data.noteMetas()) {
    const linked = meta.links.some(({ target }) => ('claimId' in target ? claimIds.has(target.claimId) : included.has(target.annotationId)));
    if (whole || linked || scopeTag(meta.tags)) notes.push(await data.readNote(meta.id));
  }
  const articleIds = new Set(articles.map((entry) => entry.article.id));
  const deletions = (await data.deletions()).filter((d) => whole || (d.kind === 'annotation' && d.articleId !== undefined && articleIds.has(d.articleId)));
  if (articles.length === 0 && claims.length === 0 && notes.length === 0 && deletions.length === 0) {
    throw new NotebookError('invalid_argument', 'Nothing in this scope to export: no articles, claims or notes.');
  }
  return {
    snapshot: { notebookName: data.notebookName, exportedAt, legend: data.legend(), articles, claims, notes },
    deletions,
  };
}
