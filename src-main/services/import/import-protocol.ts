/** The messages between the main thread and the import worker (see import-thread.ts). */
import type { ApiError } from '../../common/api';
import type { ImportInput, PreparedArticle } from './prepare-article';

import type { Piece } from './value-in-pieces';

export type ToImportWorker =
  | { type: 'prepare'; id: number; input: ImportInput }
  /** The main thread has taken in what came so far: the next piece of a large article, please. */
  | { type: 'next-piece'; id: number };

export type FromImportWorker =
  /** The worker has loaded its parsers: a job sent now spends its budget on the page alone. */
  | { type: 'ready' }
  /** The article, whole when `pieces` is 0; else the rest follows a piece at a time, on asking (see value-in-pieces.ts). */
  | { type: 'done'; id: number; prepared: PreparedArticle; pieces: number }
  | { type: 'piece'; id: number; piece: Piece }
  | { type: 'failed'; id: number; error: ApiError };

/** Values in one message from the import worker: ~5 ms of the main thread's time to take in. */
export const PIECE_VALUES = 10_000;
