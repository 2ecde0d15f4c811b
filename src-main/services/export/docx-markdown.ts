/**
 * A comment's or a note's Markdown → Word paragraphs. Parsed by the notebook's own
 * markdownToDoc (raw HTML stays visible text, unsafe links lose their URL), then written with
 * Word's own formatting: bold, italics, links, quotes, lists as prefixed lines.
 */
import { ExternalHyperlink, Paragraph, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import type { Block, Inline } from '../../common/article-doc';
import { markdownToDoc } from '../../common/markdown-to-doc';
import { QUOTE_STYLE } from './docx-styles';

type RunFormat = Pick<IRunOptions, 'italics' | 'bold' | 'strike' | 'subScript' | 'superScript' | 'font' | 'style'>;

const MONOSPACE = 'Courier New';
/** Word measures indents in twips (1/1440 inch); a list level steps in by a quarter inch. */
const LIST_INDENT = 360;

const FORMAT_OF: Record<Extract<Inline, { children: Inline[] }>['type'], RunFormat> = {
  emphasis: { italics: true },
  strong: { bold: true },
  strike: { strike: true },
  sub: { subScript: true },
  sup: { superScript: true },
  link: { style: 'Hyperlink' },
};

function inlineChildren(inlines: Inline[], format: RunFormat = {}): ParagraphChild[] {
  return inlines.flatMap((inline): ParagraphChild[] => {
    switch (inline.type) {
      case 'text':
        return [new TextRun({ ...format, text: inline.text })];
      case 'break':
        return [new TextRun({ ...format, break: 1 })];
      case 'code':
        return [new TextRun({ ...format, font: MONOSPACE, text: inline.text })];
      case 'link':
        return [new ExternalHyperlink({ link: inline.href, children: inlineChildren(inline.children, { ...format, ...FORMAT_OF.link }) })];
      default:
        return inlineChildren(inline.children, { ...format, ...FORMAT_OF[inline.type] });
    }
  });
}

/** Where a block sits: inside how many quotes and list levels, and what starts its first line. */
interface Place {
  quoted: boolean;
  listLevel: number;
  marker?: string;
}

/** Preformatted text keeps its lines: one run per line, with breaks between. */
function preformatted(text: string): ParagraphChild[] {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line, i) => new TextRun({ font: MONOSPACE, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

function paragraph(children: ParagraphChild[], place: Place, style: string | undefined): Paragraph {
  const marker = place.marker ? [new TextRun(place.marker)] : [];
  // The marker hangs out to the left, so an item's text lines up with its later paragraphs.
  const hanging = place.marker ? { hanging: LIST_INDENT } : {};
  const indent = place.listLevel > 0 ? { indent: { left: LIST_INDENT * place.listLevel, ...hanging } } : {};
  const paragraphStyle = place.quoted ? QUOTE_STYLE : style;
  return new Paragraph({ ...(paragraphStyle ? { style: paragraphStyle } : {}), ...indent, children: [...marker, ...children] });
}

function blocksToParagraphs(blocks: Block[], place: Place, style: string | undefined): Paragraph[] {
  return blocks.flatMap((block, index): Paragraph[] => {
    // A list item's marker goes on its first line only.
    const here = index === 0 ? place : { ...place, marker: undefined };
    switch (block.type) {
      case 'paragraph':
        return [paragraph(inlineChildren(block.children), here, style)];
      case 'heading':
        // Bold, not a Word heading: a comment's "# Note" must not appear in the report's outline.
        return [paragraph(inlineChildren(block.children, { bold: true }), here, style)];
      case 'preformatted':
        return [paragraph(preformatted(block.text), here, style)];
      case 'quote':
        return blocksToParagraphs(block.children, { ...here, quoted: true }, style);
      case 'list':
        return block.items.flatMap((item, i) =>
          blocksToParagraphs(item, { ...here, listLevel: here.listLevel + 1, marker: block.ordered ? `${(block.start ?? 1) + i}.\t` : '•\t' }, style),
        );
      case 'table':
        return block.rows.map((row) =>
          paragraph(row.flatMap((cell, i) => [...(i > 0 ? [new TextRun(' | ')] : []), ...inlineChildren(cell.children, cell.header ? { bold: true } : {})]), here, style),
        );
      case 'rule':
        return [new Paragraph({ thematicBreak: true })];
    }
  });
}

/** Word paragraphs for a Markdown text, each in `style` (quotes in the Quote style); [] for ''. */
export function markdownToParagraphs(source: string, style?: string): Paragraph[] {
  return blocksToParagraphs(markdownToDoc(source).blocks, { quoted: false, listLevel: 0 }, style);
}
