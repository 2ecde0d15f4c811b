/**
 * Report → CSV: one row per highlight, for sorting and filtering in a spreadsheet. By source,
 * every highlight of every source in order; by claim, every evidence passage of every claim in
 * order, so a passage that is evidence for two claims has a row under each.
 */
import type { Report, ReportHighlight, ReportSource } from './report';
import { csvDocument, type CsvCell } from './csv-encode';
import { colorName } from './report-labels';

const HEADER: readonly CsvCell[] = [
  'Article',
  'Citation',
  'Quote',
  'Colour',
  'Colour meaning',
  'Tags',
  'Comment',
  'Claim',
  'Citing notes',
  'Paragraph',
  'Start',
  'End',
  'Needs review',
];

/** Lists inside one cell; "; " because commas are common inside titles and statements. */
const LIST_SEPARATOR = '; ';

function highlightRow(report: Report, source: ReportSource | undefined, highlight: ReportHighlight, claim: string): CsvCell[] {
  // The model already leaves out what the options exclude; checked again so no format can show more than another.
  const notes = report.options.notes ? highlight.notes : [];
  return [
    source?.title ?? '',
    source?.citation.text ?? '',
    highlight.quote,
    colorName(highlight.color),
    highlight.colorMeaning,
    highlight.tags.join(LIST_SEPARATOR),
    report.options.comments ? highlight.comment : '',
    claim,
    notes.map((note) => `${note.title} (${note.relation})`).join(LIST_SEPARATOR),
    highlight.paragraph,
    highlight.start,
    highlight.end,
    highlight.needsReview ? 'yes' : 'no',
  ];
}

/** Passages that need review appear only when the report asks for them. */
function shown(report: Report, highlights: ReportHighlight[]): ReportHighlight[] {
  return report.options.needsReview ? highlights : highlights.filter((highlight) => !highlight.needsReview);
}

function reportRows(report: Report): CsvCell[][] {
  if (report.shape === 'source') {
    return report.sources.flatMap((source) =>
      shown(report, source.highlights).map((highlight) =>
        highlightRow(report, source, highlight, highlight.claims.map((claim) => claim.statement).join(LIST_SEPARATOR)),
      ),
    );
  }
  const sourceOf = new Map(report.sources.map((source) => [source.id, source]));
  return report.claims.flatMap((claim) =>
    shown(report, claim.evidence).map((highlight) => highlightRow(report, sourceOf.get(highlight.articleId), highlight, claim.statement)),
  );
}

/**
 * The report as RFC 4180 CSV with a header row. Text cells that a spreadsheet would run as a
 * formula start with `'` (see csv-encode.ts). `excel` adds a byte-order mark so Excel reads
 * the file as UTF-8.
 */
export function reportToCsv(report: Report, opts: { excel?: boolean } = {}): string {
  return csvDocument([HEADER, ...reportRows(report)], { bom: opts.excel === true });
}
