/**
 * Report → Word (.docx), with the `docx` library. Headings are Word's own Heading 1–3 (so the
 * navigation pane and a table of contents work), quotations use the Quote style and the
 * bibliography Word's Bibliography style with a hanging indent.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Report } from './report';
import { reportSubtitle, reportTitle } from './report-labels';
import { htmlToRuns } from './docx-inline-html';
import { reportBody } from './docx-report-body';
import { BIBLIOGRAPHY_STYLE, reportStyles, SUBTITLE_STYLE } from './docx-styles';

function bibliography(report: Report): Paragraph[] {
  if (report.bibliography.length === 0) return [];
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Bibliography')] }),
    // The HTML form, for the italics the style puts on titles.
    ...report.bibliography.map((entry) => new Paragraph({ style: BIBLIOGRAPHY_STYLE, children: htmlToRuns(entry.html) })),
  ];
}

/** The report as the bytes of a .docx file. */
export async function reportToDocx(report: Report): Promise<Uint8Array> {
  const title = reportTitle(report.scopeLabel);
  const subtitle = reportSubtitle(report);
  const document = new Document({
    title,
    description: subtitle,
    creator: 'Marginalia',
    lastModifiedBy: 'Marginalia',
    styles: reportStyles,
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
          new Paragraph({ style: SUBTITLE_STYLE, children: [new TextRun(subtitle)] }),
          ...reportBody(report),
          ...bibliography(report),
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  // A plain Uint8Array view: callers (IPC, HTTP) need bytes, not Node's Buffer type.
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
