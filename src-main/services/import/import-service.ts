/**
 * The import calls: `importArticle` (pasted text, Markdown or HTML; files of any importable
 * type) and `importUrl` (a web page or PDF, downloaded on request). Each call stores one
 * article record in one write, or, with `replaceId`, gives an existing article the new version
 * of its text and re-anchors its highlights. What arrived is read by `preparer`: in the app, a
 * worker thread with a time and memory budget (import-thread.ts).
 */
import type { NotebookHandlers } from '../../common/api';
import type { ImportedArticle } from '../../common/model';
import { yieldToIo } from '../../store/event-loop-turns';
import type { createLibrary } from '../library';
import { fetchPage, type FetchOptions } from './fetch-page';
import { inProcessPreparer, type ImportPreparer } from './import-thread';
import { inputOfArg, type ImportInput } from './prepare-article';

type Library = ReturnType<typeof createLibrary>;

export function createImporter(library: Library, fetchOptions: FetchOptions = {}, preparer: ImportPreparer = inProcessPreparer()) {
  async function importInput(input: ImportInput, replaceId?: string): Promise<ImportedArticle> {
    const { notice, ...prepared } = await preparer.prepare(input);
    // Taking in the worker's article held the thread ~50 ms for a 40,000-cell table, and
    // storing it as long again: calls are answered between the two.
    await yieldToIo();
    const meta = await (replaceId ? library.replaceArticle(replaceId, prepared) : library.addArticle(prepared));
    return notice ? { ...meta, notice } : meta;
  }

  const handlers: Pick<NotebookHandlers, 'importArticle' | 'importUrl'> = {
    importArticle: (arg) => importInput(inputOfArg(arg), arg.replaceId),

    async importUrl({ url, replaceId }) {
      const page = await fetchPage(url, fetchOptions);
      return importInput({ format: page.format, content: page.bytes, url: page.url, charset: page.charset }, replaceId);
    },
  };
  return { handlers, importInput, close: () => preparer.close() };
}
