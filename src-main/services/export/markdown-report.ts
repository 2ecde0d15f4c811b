/**
 * A report as CommonMark: headings for sources or claims, each passage as a block quote with
 * its pinpointed citation, and the bibliography last. The user's plain text is escaped so it
 * renders as written; comments and note bodies are Markdown already and are kept as such,
 * indented into the list item they belong to.
 */
import type { Report, ReportClaim, ReportHighlight, ReportSource } from './report';
import { citationHtmlToMarkdown } from './markdown-citation';
import { blockQuote, codeSpan, escapeInline, escapeMarkdown, indentBlock } from './markdown-escape';
import { NEEDS_REVIEW_LABEL, NEEDS_REVIEW_TEXT, colorName, relationLabel, reportSubtitle, reportTitle, shownHighlights, tallyText } from './report-labels';

/** A list item's content column: continuation lines indented this far stay inside the item. */
const ITEM_INDENT = '  ';

export function reportToMarkdown(report: Report): string {
  const body = report.shape === 'source' ? report.sources.flatMap((source) => sourceBlocks(report, source)) : report.claims.flatMap((claim) => claimBlocks(report, claim));
  const blocks = [`# ${escapeMarkdown(reportTitle(report.scopeLabel))}`, escapeMarkdown(reportSubtitle(report)), ...body, ...bibliographyBlocks(report)];
  return `${blocks.join('\n\n')}\n`;
}

function sourceBlocks(report: Report, source: ReportSource): string[] {
  const highlights = shownHighlights(report, source.highlights);
  return [
    `## ${escapeMarkdown(source.title)}`,
    escapeMarkdown(source.citation.text),
    ...(source.tags.length > 0 ? [`Tags: ${tagList(source.tags)}`] : []),
    ...(highlights.length > 0 ? highlights.flatMap((highlight) => [...passageBlocks(report, highlight), highlightDetails(report, highlight)]) : ['*No highlights.*']),
  ];
}

function claimBlocks(report: Report, claim: ReportClaim): string[] {
  const evidence = shownHighlights(report, claim.evidence);
  const noteGroups = report.options.notes ? claim.notes.filter((group) => group.notes.length > 0) : [];
  return [
    `## ${escapeMarkdown(claim.statement)}`,
    ...(claim.tags.length > 0 ? [`Tags: ${tagList(claim.tags)}`] : []),
    // The tally counts notes: with notes left out it would point at nothing in the report.
    ...(report.options.notes ? [tallyText(claim.tally)] : []),
    '### Evidence',
    ...(evidence.length > 0 ? evidence.flatMap((highlight) => passageBlocks(report, highlight)) : ['*No evidence passages.*']),
    ...(noteGroups.length > 0 ? ['### Notes'] : []),
    ...noteGroups.flatMap((group) => [
      `#### ${relationLabel(group.relation)}`,
      group.notes.map((note) => listItem(`**${escapeInline(note.title.trim() || 'Untitled note')}**`, note.body)).join('\n'),
    ]),
  ];
}

/** The warning (if any), the quote, and the citation line: what both shapes show of a passage. */
function passageBlocks(report: Report, highlight: ReportHighlight): string[] {
  return [
    ...(highlight.needsReview ? [`**${NEEDS_REVIEW_LABEL}** ${escapeInline(NEEDS_REVIEW_TEXT)}`] : []),
    blockQuote(highlight.quote),
    `— ${citationHtmlToMarkdown(highlight.citation)}`,
  ];
}

/** By source, what the reader marked on the passage: colour, tags, claims, comment, notes. */
function highlightDetails(report: Report, highlight: ReportHighlight): string {
  const meaning = highlight.colorMeaning.trim();
  const items = [
    listItem(meaning ? `${colorName(highlight.color)} — ${escapeInline(meaning)}` : colorName(highlight.color)),
    ...(highlight.tags.length > 0 ? [listItem(`Tags: ${tagList(highlight.tags)}`)] : []),
    ...highlight.claims.map((claim) => listItem(`Claim: ${escapeInline(claim.statement)}`)),
    ...(report.options.comments && highlight.comment.trim() !== '' ? [listItem('Comment:', highlight.comment)] : []),
    ...(report.options.notes ? highlight.notes.map((note) => listItem(`Cited by note “${escapeInline(note.title)}” (${note.relation})`)) : []),
  ];
  return items.join('\n');
}

function bibliographyBlocks(report: Report): string[] {
  if (report.bibliography.length === 0) return [];
  return ['## Bibliography', report.bibliography.map((entry) => listItem(escapeMarkdown(entry.text))).join('\n')];
}

/** One `- ` item; Markdown given as `nested` goes under it, indented to stay inside it. */
function listItem(line: string, nested = ''): string {
  return nested.trim() === '' ? `- ${line}` : `- ${line}\n\n${indentBlock(nested, ITEM_INDENT)}`;
}

function tagList(tags: string[]): string {
  return tags.map((tag) => codeSpan(`#${tag}`)).join(' ');
}

