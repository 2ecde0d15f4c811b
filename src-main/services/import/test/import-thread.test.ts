/**
 * Imports in their worker thread, as the app runs them: the window's other calls go on being
 * answered while a large page is read, pages no article reader would write are imported or
 * refused in words (never "RangeError"), and a page over the time or memory budget is refused
 * with what went over and what to do, leaving the notebook as it was and the next import working.
 */
import { describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../../common/api';
import type { ImportedArticle } from '../../../common/model';
import { valueOf } from '../../../test-support/in-process-api';
import { emptyNotebook, fileArg } from '../test-support/import-fixture';
import { minimalPdf } from '../test-support/minimal-pdf';

const table = (cells: number) =>
  `<html><head><title>Tide tables</title></head><body><table>${Array.from({ length: cells / 10 }, (_, row) => `<tr>${Array.from({ length: 10 }, (_, col) => `<td>${row * 10 + col}</td>`).join('')}</tr>`).join('')}</table></body></html>`;
const nestedDivs = (levels: number) => `<html><body>${'<div>'.repeat(levels)}The harbour reopened on Monday after three weeks of repairs.${'</div>'.repeat(levels)}</body></html>`;
const SMALL_PAGE = '<html><head><title>Harbour</title></head><body><article><p>The harbour reopened on Monday after three weeks of repairs, officials said.</p></article></body></html>';

/** What an answer tells the person: the article's title and notice, or the refusal. */
const told = (answer: ApiResponse<ImportedArticle>) => (answer.ok ? { imported: answer.value.title, notice: answer.value.notice } : { refused: answer.error.message });

describe('imports in a worker thread', () => {
  it('keep the window answered while a 16,000-cell table is read, and import it whole, saying so', async () => {
    const inWorker = await emptyNotebook({ importThread: 'worker' });
    // Loading the parsers takes turns of its own: they are loaded before counting.
    await valueOf(inWorker.api.importArticle(fileArg('html', 'harbour.html', SMALL_PAGE)));

    let turns = 0;
    let importing = true;
    // Counts timer turns: a thread busy reading the page would fire none until it finished.
    const turn = (): void => {
      turns++;
      if (importing) setTimeout(turn, 1);
    };
    setTimeout(turn, 1);
    let answered = 0;
    const calls = (async () => {
      while (importing) {
        await valueOf(inWorker.api.listArticles({}));
        if (importing) answered++;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const answer = await inWorker.api.importArticle(fileArg('html', 'tides.html', table(16_000)));
    importing = false;
    await calls;

    expect(told(answer)).toEqual({
      imported: 'Tide tables',
      notice: 'The page was kept as it is, without reader mode: it has 17,605 elements, and reader mode reads pages of up to 12,000.',
    });
    // Thousands of turns and hundreds of calls while the worker reads (6,181 and 799 here); read on this
    // thread, the same import leaves a few dozen of each (54 and 13), all while it is being written.
    expect(turns).toBeGreaterThan(200);
    expect(answered).toBeGreaterThan(20);
    const article = await valueOf(inWorker.api.getArticle({ id: (answer as { value: ImportedArticle }).value.id }));
    expect(article.doc.blocks[0]).toMatchObject({ type: 'table' });
    expect(article.text.endsWith('15998\n\n15999')).toBe(true);
    await inWorker.notebook.close();
  }, 180_000);

  it('import 5,000 and 20,000 nested divs with their words, the nesting flattened and said so', async () => {
    const inWorker = await emptyNotebook({ importThread: 'worker' });
    for (const levels of [5_000, 20_000]) {
      const answer = await inWorker.api.importArticle(fileArg('html', `deep-${levels}.html`, nestedDivs(levels)));
      expect(told(answer)).toMatchObject({ imported: 'The harbour reopened on Monday after three weeks of repairs.' });
      expect(told(answer).notice).toMatch(/Elements nested more than 256 deep were flattened; their words are kept\.$/);
      const article = await valueOf(inWorker.api.getArticle({ id: (answer as { value: ImportedArticle }).value.id }));
      expect(article.text).toBe('The harbour reopened on Monday after three weeks of repairs.');
    }
    await inWorker.notebook.close();
  }, 120_000);

  it('read a PDF, and refuse a damaged one in words', async () => {
    const inWorker = await emptyNotebook({ importThread: 'worker' });
    const pdf = minimalPdf({ title: 'Annual report', pages: [[{ text: 'Revenue rose by a tenth.', y: 700 }], [{ text: 'Costs fell.', y: 700 }]] });
    const answer = await inWorker.api.importArticle(fileArg('pdf', 'report.pdf', pdf));
    expect(told(answer)).toEqual({ imported: 'Annual report', notice: undefined });
    expect((await valueOf(inWorker.api.getArticle({ id: (answer as { value: ImportedArticle }).value.id }))).text).toBe('Revenue rose by a tenth.\n\nCosts fell.');
    expect(told(await inWorker.api.importArticle(fileArg('pdf', 'cut.pdf', pdf.slice(0, 60))))).toEqual({ refused: 'This file is not a readable PDF: it is damaged or not a PDF at all.' });
    await inWorker.notebook.close();
  }, 120_000);

  it('refuse the 500,000-cell table before reading it, naming its size and what to do', async () => {
    const inWorker = await emptyNotebook({ importThread: 'worker' });
    const before = await inWorker.snapshot();
    const answer = await inWorker.api.importArticle(fileArg('html', 'huge.html', table(500_000)));
    expect(told(answer)).toEqual({
      refused:
        'This page is too complex to import: it has 550,005 elements, and Marginalia reads pages of up to 100,000. To keep part of it, select that part in your browser, copy it and paste it into New article; or print the page to PDF and import the PDF.',
    });
    expect(await inWorker.snapshot()).toEqual(before);
    await inWorker.notebook.close();
  }, 120_000);
});

describe('the import budget', () => {
  it('refuses a page that takes longer than the time budget, and the next import still works', async () => {
    const fixture = await emptyNotebook({ importThread: 'worker', importBudget: { timeMs: 200, memoryMb: 2_048 } });
    const before = await fixture.snapshot();
    const answer = await fixture.api.importArticle(fileArg('html', 'tides.html', table(16_000)));
    expect(told(answer)).toEqual({
      refused:
        'This page is too complex to import: reading it took longer than 0.2 seconds. To keep part of it, select that part in your browser, copy it and paste it into New article; or print the page to PDF and import the PDF.',
    });
    expect(await fixture.snapshot()).toEqual(before);
    // The stopped thread is replaced: a small file is read well within the budget.
    const next = await fixture.api.importArticle(fileArg('text', 'note.txt', 'The ferry timetable returns to normal next week.'));
    expect(told(next)).toEqual({ imported: 'The ferry timetable returns to normal next week.', notice: undefined });
    await fixture.notebook.close();
  }, 180_000);

  it('refuses a page that needs more memory than the budget, and the next import still works', async () => {
    const fixture = await emptyNotebook({ importThread: 'worker', importBudget: { timeMs: 120_000, memoryMb: 256 } });
    const before = await fixture.snapshot();
    const answer = await fixture.api.importArticle(fileArg('html', 'tides.html', table(80_000)));
    expect(told(answer)).toEqual({
      refused:
        'This page is too complex to import: reading it needs more than 256 MB of memory. To keep part of it, select that part in your browser, copy it and paste it into New article; or print the page to PDF and import the PDF.',
    });
    expect(await fixture.snapshot()).toEqual(before);
    const next = await fixture.api.importArticle(fileArg('html', 'harbour.html', SMALL_PAGE));
    expect(told(next)).toEqual({ imported: 'Harbour', notice: undefined });
    await fixture.notebook.close();
  }, 300_000);
});
