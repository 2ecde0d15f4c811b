/** PDF import: text from the text layer, paragraphs rebuilt from positions, the title from metadata or the first heading. */
import { describe, expect, it } from 'vitest';
import { valueOf } from '../../../test-support/in-process-api';
import { pdfBlocks } from '../pdf-paragraphs';
import { emptyNotebook, fileArg } from '../test-support/import-fixture';
import { minimalPdf } from '../test-support/minimal-pdf';

const REPORT = minimalPdf({
  pages: [
    [
      { text: 'Tidal Energy in the Channel', y: 720, size: 20 },
      { text: 'Engineers measured the currents off the cape for two', y: 680 },
      { text: 'years before choosing where to moor the first tur-', y: 666 },
      { text: 'bines, which now feed the island grid.', y: 652 },
      { text: 'The second phase depends on a cable to the', y: 620 },
    ],
    [
      { text: 'mainland that the council approved in March.', y: 720 },
      { text: 'Costs', y: 690, size: 16 },
      { text: 'Each turbine cost less than the diesel it replaces.', y: 664 },
    ],
  ],
});

describe('importing a PDF', () => {
  it('rebuilds paragraphs across lines and pages, joins hyphenated words, and takes the first heading as title', async () => {
    const { api, notebook } = await emptyNotebook();
    const meta = await valueOf(api.importArticle(fileArg('pdf', 'tidal.pdf', REPORT)));
    const article = await valueOf(api.getArticle({ id: meta.id }));
    expect(article).toMatchObject({ title: 'Tidal Energy in the Channel', format: 'pdf', fileName: 'tidal.pdf', source: 'tidal.pdf' });
    expect(article.text.split('\n\n')).toEqual([
      'Engineers measured the currents off the cape for two years before choosing where to moor the first turbines, which now feed the island grid.',
      'The second phase depends on a cable to the mainland that the council approved in March.',
      'Costs',
      'Each turbine cost less than the diesel it replaces.',
    ]);
    expect(article.doc.blocks[2]).toEqual({ type: 'heading', level: 2, children: [{ type: 'text', text: 'Costs' }] });
    await notebook.close();
  });

  it('prefers the title in the PDF metadata, but not a placeholder a writer program put there', async () => {
    const { api, notebook } = await emptyNotebook();
    const lines = [[{ text: 'A heading', y: 700, size: 18 }, { text: 'Body text of the note.', y: 670 }]];
    const titled = await valueOf(api.importArticle(fileArg('pdf', 'a.pdf', minimalPdf({ title: 'Field notes, spring survey', pages: lines }))));
    expect(titled.title).toBe('Field notes, spring survey');
    const placeholder = await valueOf(api.importArticle(fileArg('pdf', 'b.pdf', minimalPdf({ title: 'Microsoft Word - draft3.docx', pages: lines }))));
    expect(placeholder.title).toBe('A heading');
    await notebook.close();
  });
});

describe('pdfBlocks', () => {
  const run = (text: string, x: number, y: number, width = text.length * 6, size = 12) => ({ text, x, y, width, size });

  it('puts runs on one baseline into one line in reading order, spacing them only where the glyphs leave a gap', () => {
    expect(pdfBlocks([[run('world.', 110, 700), run('Hel', 72, 700, 18), run('lo', 90, 700.4, 12)]])).toEqual([
      { kind: 'paragraph', text: 'Hello world.' },
    ]);
  });

  it('ends a paragraph at a page break only when the last line ends a sentence', () => {
    const pages = [[run('It ended.', 72, 700)], [run('A new start', 72, 700)], [run('continues here.', 72, 700)]];
    expect(pdfBlocks(pages).map((block) => block.text)).toEqual(['It ended.', 'A new start continues here.']);
  });

  it('gives nothing for pages with no text', () => {
    expect(pdfBlocks([[], [run('   ', 72, 700)]])).toEqual([]);
  });
});
