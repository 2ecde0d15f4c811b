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
    const highlights = await repeat(work.serviceHighlightSpots.length, (i) => {
      const { articleId, text, at } = work.serviceHighlightSpots[i]!;
      return handlers.createAnnotation({ articleId, target: describeRange(text, at + 60, at + 100), color: 'blue' });
    });
    results.highlightService = {
      figure: figure(highlights, 'ms'),
      note: `after the reads a window makes when it starts; the first highlight took ${highlights[0]!.toFixed(1)} ms`,
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
