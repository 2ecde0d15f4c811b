/**
 * The words every report format prints the same way: style names, colour names, relation
 * labels, the paragraph pinpoint and the report's date. Kept in one place so that the
 * Markdown, HTML, Word and CSV exports of one report never word the same thing differently.
 */
import type { HighlightColor, Relation } from '../../common/model';
import type { CitationStyle, Report, ReportClaim, ReportHighlight, ReportShape } from './report';

const STYLE_NAMES: Record<CitationStyle, string> = {
  apa: 'APA 7th',
  chicago: 'Chicago author-date',
  mla: 'MLA 9th',
  harvard: 'Harvard',
};

/** The style's name as a reader knows it, e.g. `APA 7th`. */
export function styleName(style: CitationStyle): string {
  return STYLE_NAMES[style];
}

/** How the report is arranged, capitalised for the start of a line: `By source`, `By claim`. */
export function shapeLabel(shape: ReportShape): string {
  return shape === 'source' ? 'By source' : 'By claim';
}

/** A highlight colour's name for people, e.g. `Green`; the colour is never the only cue. */
export function colorName(color: HighlightColor): string {
  return capitalise(color);
}

/** A note relation as a heading or tally label, e.g. `Supports`. */
export function relationLabel(relation: Relation): string {
  return capitalise(relation);
}

/**
 * The report's date as `YYYY-MM-DD`: the calendar date written in `generatedAt`, so a report
 * made at 23:30 is dated the day its maker saw on the clock rather than re-read in another zone.
 */
export function reportDate(generatedAt: string): string {
  const written = /^\d{4}-\d{2}-\d{2}/.exec(generatedAt);
  if (written) return written[0];
  const parsed = new Date(generatedAt);
  return Number.isNaN(parsed.getTime()) ? generatedAt : parsed.toISOString().slice(0, 10);
}

/** The report's heading, e.g. `Annotated report: alliance`. */
export function reportTitle(scopeLabel: string): string {
  return `Annotated report: ${scopeLabel}`;
}

/** The line under the title: `By source · APA 7th · 2026-11-30`. */
export function reportSubtitle(report: Pick<Report, 'shape' | 'style' | 'generatedAt'>): string {
  return [shapeLabel(report.shape), styleName(report.style), reportDate(report.generatedAt)].join(' · ');
}

/** A claim's standing among the notes: `Supports 1 · Contradicts 1 · Questions 0`. */
export function tallyText(tally: ReportClaim['tally']): string {
  return (['supports', 'contradicts', 'questions'] as const).map((relation) => `${relationLabel(relation)} ${tally[relation]}`).join(' · ');
}

/** The passages a report shows: those that need review only when its options ask for them. */
export function shownHighlights(report: Pick<Report, 'options'>, highlights: ReportHighlight[]): ReportHighlight[] {
  return report.options.needsReview ? highlights : highlights.filter((highlight) => !highlight.needsReview);
}

/** The warning shown on a passage that could not be found in its article's current text. */
export const NEEDS_REVIEW_LABEL = 'Needs review:';
export const NEEDS_REVIEW_TEXT = "this passage was not found in the article's current text.";

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
