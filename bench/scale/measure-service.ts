/**
 * The service rows: the same handlers the hosts register, called in this process on the
 * notebook folder (no HTTP, no JSON), to split the host's figure into service and transport.
 */
import { describeRange } from '../../src-main/common/anchoring/describe-range';
import { initialLibraryView } from '../../src-main/common/library-view';
import { openNotebook } from '../../src-main/services/open-notebook';
import { figure, repeat, timed, type RowResult } from './figures';
import type { Workload } from './workload';

export async function measureService(dir: string, work: Workload, results: Record<string, RowResult>): Promise<void> {
  // Search in its worker thread, as the app runs it: in-process (the unit tests' default from
  // the sources) its indexing of each change would be timed as the service's own work.
  const notebook = await openNotebook(dir, { sample: false, searchThread: 'worker' });
  try {
    await notebook.searchIdle();
    const { handlers } = notebook;
    // What a window asks when it starts (src-renderer/state/start-app.ts), the undo history
    // among them: a host always has a window, and without it the first write read history.log
    // (~30 ms at this size).
    await handlers.listArticles({ first: { view: initialLibraryView, tag: null, limit: 100 } });
    await Promise.all([handlers.listArticles({}), handlers.getNotebookStatus({}), handlers.getLegend({}), handlers.getHistory({})]);
    await Promise.all([handlers.listNotes({}), handlers.listClaims({}), handlers.listTags({})]);
    // A reader highlights in the article open in front of them: the window has read it
    // (getArticle, listAnnotations) before the selection. First, for the note, highlights in
    // articles not read this session, which pay for reading the file (~0.7 ms, and on this
    // disk a read now and then waits 5-12 ms).
    const spots = work.serviceHighlightSpots;
    const highlight = (i: number, from: number) => {
      const { articleId, text, at } = spots[i]!;
      return handlers.createAnnotation({ articleId, target: describeRange(text, at + from, at + from + 40), color: 'blue' });
    };
    const unread = await repeat(spots.length / 2, (i) => highlight(i, 120));
    const highlights: number[] = [];
    for (let i = 0; i < spots.length; i += 1) {
      await handlers.getArticle({ id: spots[i]!.articleId });
      await handlers.listAnnotations({ articleId: spots[i]!.articleId });
      highlights.push((await timed(() => highlight(i, 60)))[0]);
    }
    const cold = figure(unread, 'ms');
    results.highlightService = {
      figure: figure(highlights, 'ms'),
      note:
        `each in an article the window has opened, after the reads a window makes when it starts; ` +
        `in ${cold.samples} articles not opened this session: ${cold.median.toFixed(1)} / ${cold.p95.toFixed(1)} ms p50 / p95`,
    };
    const note = await handlers.createNote({ title: 'Scale bench service note', body: work.noteBody(0), tags: [] });
    const edits: number[] = [];
    const undos: number[] = [];
    for (let i = 1; i <= work.noteEdits; i += 1) {
      edits.push((await timed(() => handlers.updateNote({ id: note.id, body: work.noteBody(i) })))[0]);
      undos.push((await timed(() => handlers.undo({})))[0]);
    }
    results.noteEditService = { figure: figure(edits, 'ms') };
    results.noteUndoService = { figure: figure(undos, 'ms') };
  } finally {
    await notebook.close();
  }
}
