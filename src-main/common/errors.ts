import type { ApiError, ErrorCode } from './api';

/**
 * An expected failure a person can act on ("That article no longer exists").
 * Services throw it; the dispatcher turns it into `{ ok: false, error }` at the boundary.
 */
export class NotebookError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'NotebookError';
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message };
  }
}
