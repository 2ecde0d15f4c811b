/**
 * The contract exactly as the renderer gets it (arguments validated by `dispatch`), wired
 * straight to the services, for tests of behaviour that goes through the API boundary.
 */
import type { ApiResponse, NotebookApi, NotebookHandlers } from '../common/api';
import { buildNotebookApi } from '../common/api-client';
import { dispatch } from '../common/api-dispatch';

export function inProcessApi(handlers: NotebookHandlers): NotebookApi {
  return buildNotebookApi((method, arg) => dispatch(handlers, method, arg));
}

/** The value of a successful answer; a failed one fails the test with its message. */
export async function valueOf<T>(answer: Promise<ApiResponse<T>>): Promise<T> {
  const result = await answer;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
