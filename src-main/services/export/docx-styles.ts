/**
 * The Word report's styles. Real named paragraph styles rather than direct formatting, so a
 * reader can restyle the whole report in Word at once, the navigation pane lists the headings
 * and screen readers announce quotes and headings for what they are.
 */
import { BorderStyle, type IParagraphStyleOptions, type IStylesOptions } from 'docx';

/** Word's own names, so "Quote" and "Subtitle" match the built-in styles a reader knows. */
export const QUOTE_STYLE = 'Quote';
export const SUBTITLE_STYLE = 'Subtitle';
export const BIBLIOGRAPHY_STYLE = 'Bibliography';
/** A highlight's short lines: colour, tags, claims, comment, citing notes. */
export const DETAIL_STYLE = 'AnnotationDetail';
/** A comment's paragraphs, set in under their "Comment" label. */
export const COMMENT_STYLE = 'AnnotationComment';

/** Sizes are half-points, indents and spacing twips (1/20 pt). */
const INCH = 1440;
const ACCENT = '2E74B5';
const MUTED = '595959';

const paragraphStyles: IParagraphStyleOptions[] = [
  {
    id: QUOTE_STYLE,
    name: 'Quote',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    // Block quotations are set in, not italicised (APA 8.27), so italic titles in them still show.
    paragraph: {
      indent: { left: INCH / 2, right: INCH / 2 },
      spacing: { before: 160, after: 80 },
      border: { left: { style: BorderStyle.SINGLE, size: 18, color: 'A6A6A6', space: 8 } },
    },
  },
  {
    id: SUBTITLE_STYLE,
    name: 'Subtitle',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { color: MUTED, size: 26 },
    paragraph: { spacing: { after: 320 } },
  },
  {
    id: DETAIL_STYLE,
    name: 'Annotation Detail',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { size: 20 },
    paragraph: { indent: { left: INCH / 2 }, spacing: { after: 40 } },
  },
  {
    id: COMMENT_STYLE,
    name: 'Annotation Comment',
    basedOn: DETAIL_STYLE,
    next: DETAIL_STYLE,
    paragraph: { indent: { left: INCH * 0.75 }, spacing: { after: 60 } },
  },
];

/** Headings carry an outline level, which is what Word's and LibreOffice's navigation read. */
function heading(level: 0 | 1 | 2, size: number, color: string) {
  return { run: { color, size }, paragraph: { outlineLevel: level, keepNext: true, keepLines: true, spacing: { before: 360 - level * 80, after: 120 } } };
}

export const reportStyles: IStylesOptions = {
  default: {
    document: { run: { font: 'Calibri', size: 22 }, paragraph: { spacing: { after: 120, line: 276 } } },
    title: { run: { size: 52 }, paragraph: { spacing: { after: 80 } } },
    heading1: heading(0, 32, ACCENT),
    heading2: heading(1, 26, ACCENT),
    heading3: heading(2, 24, '1F4D78'),
    // Every style this report cites in lays its reference list out with a hanging indent.
    bibliography: { paragraph: { indent: { left: INCH / 2, hanging: INCH / 2 }, spacing: { after: 120 } } },
  },
  paragraphStyles,
};
