/**
 * The body of the Word report, in the order the Markdown report reads: by source, a section
 * per article with its highlights; by claim, a section per claim with its evidence and notes.
 */
import { HeadingLevel, Paragraph, TextRun } from 'docx';
import type { Report, ReportClaim, ReportSource } from './report';
import { relationLabel, tallyText } from './report-labels';
import { htmlToRuns } from './docx-inline-html';
import { detailLine, highlightDetails, passageParagraphs } from './docx-highlight';
import { shownHighlights } from './report-labels';
import { markdownToParagraphs } from './docx-markdown';

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ heading: level, children: [new TextRun(text)] });
}

/** A source's or a claim's own line, in the body text so it is not read as a highlight's. */
const ownLine = (label: string, text: string) => detailLine(label, text, 'Normal');

/** A line saying a list is empty, in italics so it does not read as content. */
function emptyLine(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, italics: true })] });
}

function sourceSection(report: Report, source: ReportSource): Paragraph[] {
  const highlights = shownHighlights(report, source.highlights);
  return [
    heading(source.title, HeadingLevel.HEADING_1),
    // The HTML form, for the italics the style puts on titles.
    new Paragraph({ children: htmlToRuns(source.citation.html) }),
    ...(source.tags.length > 0 ? [ownLine('Tags', source.tags.join(', '))] : []),
    ...(highlights.length > 0
      ? highlights.flatMap((highlight) => [...passageParagraphs(report, highlight), ...highlightDetails(report, highlight)])
      : [emptyLine('No highlights.')]),
  ];
}

function claimSection(report: Report, claim: ReportClaim): Paragraph[] {
  const evidence = shownHighlights(report, claim.evidence);
  const noteGroups = report.options.notes ? claim.notes.filter((group) => group.notes.length > 0) : [];
  return [
    heading(claim.statement, HeadingLevel.HEADING_1),
    ...(claim.tags.length > 0 ? [ownLine('Tags', claim.tags.join(', '))] : []),
    // The tally counts notes: with notes left out it would point at nothing in the report.
    ...(report.options.notes ? [ownLine('Notes', tallyText(claim.tally))] : []),
    heading('Evidence', HeadingLevel.HEADING_2),
    ...(evidence.length > 0 ? evidence.flatMap((highlight) => passageParagraphs(report, highlight)) : [emptyLine('No evidence passages.')]),
    ...(noteGroups.length > 0 ? [heading('Notes', HeadingLevel.HEADING_2)] : []),
    ...noteGroups.flatMap((group) => [
      heading(relationLabel(group.relation), HeadingLevel.HEADING_3),
      ...group.notes.flatMap((note) => [
        // Kept with its body, so a page never ends on a note's title.
        new Paragraph({ keepNext: true, children: [new TextRun({ text: note.title.trim() || 'Untitled note', bold: true })] }),
        ...markdownToParagraphs(note.body),
      ]),
    ]),
  ];
}

/** Every paragraph between the subtitle and the bibliography. */
export function reportBody(report: Report): Paragraph[] {
  return report.shape === 'source'
    ? report.sources.flatMap((source) => sourceSection(report, source))
    : report.claims.flatMap((claim) => claimSection(report, claim));
}
