/**
 * A failed conversation with a git remote, in words a person can act on. Offline is told
 * apart from everything else: a sync that could not reach the remote just waits.
 */
import { Errors } from 'isomorphic-git';
import { NotebookError } from '../../common/errors';
import type { SyncProblem } from '../../common/sync-schema';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);

/** Thrown when the remote cannot be reached: nothing is lost, the sync waits. */
export class OfflineError extends NotebookError {
  constructor(readonly remote: string) {
    super('unavailable', `Offline: could not reach ${hostOf(remote)}. Your changes are kept here and will be sent at the next sync.`);
  }
}

/** The remote refused the user name or token: a new one fixes it. */
export class CredentialsError extends NotebookError {
  constructor(
    remote: string,
    readonly status: number,
  ) {
    super(
      'invalid_argument',
      `${hostOf(remote)} refused the user name or token (HTTP ${status}). Check them in “Share through git…”, or make a new token with read and write access to the repository.`,
    );
  }
}

/** There is no repository at the remote's address. */
export class NoRepositoryError extends NotebookError {
  constructor(remote: string) {
    super('not_found', `There is no repository at ${remote}. Check the address, or create the repository on ${hostOf(remote)} first.`);
  }
}

/** What `error` says went wrong, as the window's sync control tells it apart. */
export function problemOf(error: unknown): SyncProblem | undefined {
  if (error instanceof OfflineError) return 'offline';
  if (error instanceof CredentialsError) return 'credentials';
  if (error instanceof NoRepositoryError) return 'no-repository';
  return undefined;
}

/** The error `problemOf` told apart, made again for `remote` (a sync's error crosses from its worker as its problem). */
export function problemError(problem: SyncProblem, remote: string, status = 401): NotebookError {
  if (problem === 'offline') return new OfflineError(remote);
  if (problem === 'credentials') return new CredentialsError(remote, status);
  return new NoRepositoryError(remote);
}

export const hostOf = (remote: string): string => /^[a-z]+:\/\/([^/]+)/i.exec(remote)?.[1] ?? remote;

const codeOf = (error: unknown): string | undefined => {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
};

/** `error` from isomorphic-git talking to `remote`, as the error a person sees. */
export function remoteError(error: unknown, remote: string): NotebookError {
  if (error instanceof NotebookError) return error;
  if (codeOf(error) !== undefined) return new OfflineError(remote);
  if (error instanceof Errors.HttpError) {
    const status = error.data.statusCode;
    if (status === 401 || status === 403) return new CredentialsError(remote, status);
    if (status === 404) return new NoRepositoryError(remote);
    if (status >= 500) return new OfflineError(remote);
    return new NotebookError('unavailable', `${hostOf(remote)} answered HTTP ${status} ${error.data.statusMessage}. Try again later.`);
  }
  if (error instanceof Errors.SmartHttpError || error instanceof Errors.ParseError) {
    return new NotebookError('invalid_argument', `${remote} does not answer like a git repository. Check the address (it usually ends in .git).`);
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/fetch failed|socket hang up|network/i.test(message)) return new OfflineError(remote);
  return new NotebookError('internal', `Syncing with ${hostOf(remote)} failed: ${message}`);
}
