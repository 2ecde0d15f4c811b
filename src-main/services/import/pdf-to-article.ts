/**
 * PDF → article: text extracted with pdf.js (legacy build, loaded on first use; in Node it
 * runs without a worker), paragraphs rebuilt from the runs' positions, the title taken from
 * the document's metadata or its first heading.
 */
import type { ArticleDoc } from '../../common/article-doc';
import { NotebookError } from '../../common/errors';
import { normalizeDoc } from '../../common/anchoring/canonical-text';
import { pdfBlocks, type PdfTextRun } from './pdf-paragraphs';

export const NO_TEXT_LAYER_MESSAGE = 'This PDF has no text layer (it may be a scan); Marginalia cannot read scanned pages.';
export const NOT_A_PDF_MESSAGE = 'This file is not a readable PDF: it is damaged or not a PDF at all.';
export const ENCRYPTED_PDF_MESSAGE = 'This PDF is protected by a password; remove the protection and import it again.';

export interface PdfArticle {
  title?: string;
  lang?: string;
  /** The extracted text, paragraphs separated by blank lines: kept as the article's original. */
  text: string;
  doc: ArticleDoc;
}

/** Titles that PDF writers put in the metadata on their own and that name nothing. */
const PLACEHOLDER_TITLE = /^(untitled|document\d*|microsoft word - .*|.*\.(docx?|pdf|tex|indd))$/i;

export async function pdfToArticle(bytes: Uint8Array): Promise<PdfArticle> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let pdf: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    // pdf.js takes over the buffer it is given; it gets a copy of its own (a Buffer may be a view into a shared pool).
    pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false })
      .promise;
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    throw new NotebookError('invalid_argument', name === 'PasswordException' ? ENCRYPTED_PDF_MESSAGE : NOT_A_PDF_MESSAGE);
  }
  try {
    const pages: PdfTextRun[][] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const runs: PdfTextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b, , , x, y] = item.transform as number[];
        runs.push({ text: item.str, x: x!, y: y!, width: item.width, size: Math.hypot(a!, b!) || item.height });
      }
      pages.push(runs);
      page.cleanup();
    }
    const blocks = pdfBlocks(pages);
    if (blocks.length === 0) throw new NotebookError('invalid_argument', NO_TEXT_LAYER_MESSAGE);

    const { info } = (await pdf.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
    const metaTitle = typeof info['Title'] === 'string' ? info['Title'].replace(/\s+/g, ' ').trim() : '';
    const heading = blocks.find((block) => block.kind === 'heading')?.text;
    const lang = typeof info['Language'] === 'string' && info['Language'] ? info['Language'] : undefined;
    return {
      title: metaTitle && !PLACEHOLDER_TITLE.test(metaTitle) ? metaTitle : heading,
      ...(lang ? { lang } : {}),
      text: blocks.map((block) => block.text).join('\n\n'),
      doc: normalizeDoc({
        blocks: blocks.map((block) =>
          block.kind === 'heading'
            ? { type: 'heading', level: 2, children: [{ type: 'text', text: block.text }] }
            : { type: 'paragraph', children: [{ type: 'text', text: block.text }] },
        ),
      }),
    };
  } finally {
    await pdf.destroy();
  }
}
