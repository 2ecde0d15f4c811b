/** The messages between the main thread and the import worker (see import-thread.ts). */
import type { ApiError } from '../../common/api';
import type { ImportInput, PreparedArticle } from './prepare-article';

export type ToImportWorker = { type: 'prepare'; id: number; input: ImportInput };

export type FromImportWorker =
  /** The worker has loaded its parsers: a job sent now spends its budget on the page alone. */
  | { type: 'ready' }
  | { type: 'done'; id: number; prepared: PreparedArticle }
  | { type: 'failed'; id: number; error: ApiError };
