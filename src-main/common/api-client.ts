/**
 * Builds a `NotebookApi` object from a transport. The Electron preload (IPC) and the
 * renderer's browser-mode client (HTTP) both use it, so each exposes exactly the contract's
 * methods and a new call needs no change in either. Type-only imports keep zod out of the
 * preload bundle.
 */
import { API_METHODS, type ApiMethod } from './api-methods';
import type { ApiResponse, NotebookApi } from './api';

export type Transport = (method: ApiMethod, arg: unknown) => Promise<ApiResponse<unknown>>;

export function buildNotebookApi(transport: Transport): NotebookApi {
  const api: Partial<Record<ApiMethod, (arg: unknown) => Promise<ApiResponse<unknown>>>> = {};
  for (const method of API_METHODS) api[method] = (arg: unknown) => transport(method, arg ?? {});
  return api as NotebookApi;
}
