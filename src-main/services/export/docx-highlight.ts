/**
 * One highlight in the Word report: the passage as a block quotation ending with its in-text
 * citation (as APA sets block quotes), then, by source, short lines for what the reader added.
 */
import { Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { Report, ReportHighlight } from './report';
import { colorName, NEEDS_REVIEW_LABEL, NEEDS_REVIEW_TEXT } from './report-labels';
import { htmlToRuns } from './docx-inline-html';
import { markdownToParagraphs } from './docx-markdown';
import { COMMENT_STYLE, DETAIL_STYLE, QUOTE_STYLE } from './docx-styles';

/** Dark red, and bold: the warning must not be missed, and bold still shows in greyscale print. */
const WARNING_COLOR = 'C00000';

/** A short "Label: text" line; a highlight's by default, set in under its quote. */
export function detailLine(label: string, text: string, style: string = DETAIL_STYLE): Paragraph {
  return new Paragraph({ style, children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(text)] });
}

/** The passage keeps its line breaks; the citation follows the last line after a space. */
function quoteParagraph(quote: string, inText: string | undefined): Paragraph {
  const lines = quote.split('\n').map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) }));
  const citation: ParagraphChild[] = inText ? [new TextRun(' '), ...htmlToRuns(inText)] : [];
  return new Paragraph({ style: QUOTE_STYLE, children: [...lines, ...citation] });
}

/** What both shapes show of a passage: the warning, placed before it is read, and the quote. */
export function passageParagraphs(report: Report, highlight: ReportHighlight): Paragraph[] {
  const warning = new Paragraph({
    style: DETAIL_STYLE,
    keepNext: true,
    children: [
      new TextRun({ text: `${NEEDS_REVIEW_LABEL} `, bold: true, color: WARNING_COLOR }),
      new TextRun({ text: NEEDS_REVIEW_TEXT, color: WARNING_COLOR }),
    ],
  });
  return [...(highlight.needsReview ? [warning] : []), quoteParagraph(highlight.quote, highlight.citation)];
}

/** By source, what the reader marked on the passage: colour, tags, claims, comment, notes. */
export function highlightDetails(report: Report, highlight: ReportHighlight): Paragraph[] {
  const meaning = highlight.colorMeaning.trim();
  const colour = colorName(highlight.color);
  return [
    detailLine('Colour', meaning ? `${colour} — ${meaning}` : colour),
    ...(highlight.tags.length > 0 ? [detailLine('Tags', highlight.tags.join(', '))] : []),
    ...highlight.claims.map((claim) => detailLine('Claim', claim.statement)),
    ...(report.options.comments && highlight.comment.trim() !== ''
      ? [new Paragraph({ style: DETAIL_STYLE, keepNext: true, children: [new TextRun({ text: 'Comment:', bold: true })] }), ...markdownToParagraphs(highlight.comment, COMMENT_STYLE)]
      : []),
    ...(report.options.notes ? highlight.notes.map((note) => detailLine('Cited by note', `“${note.title}” (${note.relation})`)) : []),
  ];
}
