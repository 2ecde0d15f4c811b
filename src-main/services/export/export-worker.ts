/**
 * The export worker's entry (built as out/main/export-worker.js): builds and renders exports
 * off the main thread, reading the notebook folder itself, read only (report-data.ts), as the
 * command line does. Each job names the folder; the main thread sends it once every write so
 * far is on disk.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { NotebookError } from '../../common/errors';
import { producePreview, produceExport } from './export-service';
import type { FromExportWorker, ToExportWorker } from './export-protocol';
import { folderReportData } from './report-data';

/** Answers the main thread's jobs on `port`. */
export function serveExports(port: MessagePort): void {
  const running = new Map<number, AbortController>();
  const send = (message: FromExportWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

  port.on('message', (message: ToExportWorker) => {
    if (message.type === 'cancel') {
      running.get(message.id)?.abort();
      return;
    }
    const { id, dir, request, now, tagged } = message;
    const controller = new AbortController();
    running.set(id, controller);
    void (async () => {
      try {
        const data = await folderReportData(dir, tagged ? { tagged } : {});
        const clock = () => new Date(now);
        if (message.type === 'preview') {
          send({ type: 'done', id, value: { kind: 'preview', preview: await producePreview(data, request, clock) } });
          return;
        }
        const produced = await produceExport(data, request, {
          now: clock,
          signal: controller.signal,
          onProgress: (done, total) => send({ type: 'progress', id, done, total }),
        });
        const transfer = produced.body instanceof Uint8Array ? [produced.body.buffer as ArrayBuffer] : [];
        send({ type: 'done', id, value: { kind: 'export', produced } }, transfer);
      } catch (error) {
        const failure = error instanceof NotebookError ? error.toApiError() : { code: 'internal' as const, message: `The export failed: ${String(error)}` };
        send({ type: 'failed', id, error: failure });
      } finally {
        running.delete(id);
      }
    })();
  });
}

if (parentPort) serveExports(parentPort);
