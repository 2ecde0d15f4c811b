/**
 * The import worker's entry (built as out/main/import-worker.js): turns what arrived (a file's
 * bytes, a downloaded page, pasted text) into an article body off the main thread, so a page
 * that takes a minute to read never holds up the window's other calls, and one that would
 * take longer, or more memory, than the import's budget can be stopped (import-thread.ts).
 * It reads nothing and writes nothing: the main thread stores what it sends back.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { NotebookError } from '../../common/errors';
import { PIECE_VALUES, type FromImportWorker, type ToImportWorker } from './import-protocol';
import { prepareArticle, type PreparedArticle } from './prepare-article';
import { splitIntoPieces, type Piece } from './value-in-pieces';

/** Answers the main thread's jobs on `port`, one at a time as they come. */
export function serveImports(port: MessagePort): void {
  /** The pieces of the last article still to send, for the job they belong to. */
  let sending: { id: number; pieces: Piece[] } | undefined;
  port.on('message', (message: ToImportWorker) => {
    if (message.type === 'next-piece') {
      const piece = sending?.id === message.id ? sending.pieces.shift() : undefined;
      if (piece) port.postMessage({ type: 'piece', id: message.id, piece } satisfies FromImportWorker);
      return;
    }
    sending = undefined;
    void prepareArticle(message.input).then(
      (prepared) => {
        const { first, pieces } = splitIntoPieces(prepared, PIECE_VALUES);
        if (pieces.length > 0) sending = { id: message.id, pieces };
        port.postMessage({ type: 'done', id: message.id, prepared: first as PreparedArticle, pieces: pieces.length } satisfies FromImportWorker);
      },
      (error: unknown) => port.postMessage({ type: 'failed', id: message.id, error: failureOf(error) } satisfies FromImportWorker),
    );
  });
}

function failureOf(error: unknown) {
  if (error instanceof NotebookError) return error.toApiError();
  return { code: 'internal' as const, message: `The import failed: ${error instanceof Error ? error.message : String(error)}` };
}

/** What the main thread starts this worker with, so that importing the module elsewhere serves nothing. */
export const IMPORT_WORKER = 'marginalia-import-worker';

// Run as the import worker thread (not merely imported in some other thread): serve the main thread,
// once the HTML parsers are loaded, so that loading them is not counted against the first page.
if (parentPort && workerData === IMPORT_WORKER) {
  const port = parentPort;
  serveImports(port);
  void Promise.allSettled([import('jsdom'), import('@mozilla/readability'), import('dompurify')]).then(() => port.postMessage({ type: 'ready' } satisfies FromImportWorker));
}
