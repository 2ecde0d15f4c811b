/** The messages between the main thread and the export worker (see export-thread.ts). */
import type { ApiError } from '../../common/api';
import type { ExportPreview } from '../../common/export-schema';
import type { ExportRequest, ProducedExport } from './export-service';
import type { TaggedHighlight } from './report-model';

export type ToExportWorker =
  | {
      type: 'export' | 'preview';
      id: number;
      dir: string;
      request: ExportRequest;
      /** The report's date (ISO 8601), from the main thread's clock. */
      now: string;
      /** For a tag scope, the tagged highlights as the store knows them (the folder alone would mean reading every article). */
      tagged?: TaggedHighlight[];
    }
  | { type: 'cancel'; id: number };

export type FromExportWorker =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'done'; id: number; value: { kind: 'export'; produced: ProducedExport } | { kind: 'preview'; preview: ExportPreview } }
  | { type: 'failed'; id: number; error: ApiError };
