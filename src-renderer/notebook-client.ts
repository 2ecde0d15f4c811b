/**
 * The one place the renderer talks to the main side.
 *
 * In Electron the preload exposes `window.notebook` (exactly the contract's methods over IPC).
 * In browser mode the page was opened as `http://127.0.0.1:PORT/#token=<hex>` and every call
 * is a POST to `/api/<method>` carrying that token. Either way each call answers an
 * `ApiResponse` and never throws: a host that cannot be reached is an `unavailable` error
 * with a sentence the person can act on.
 */
import type { ApiError, ApiResponse, NotebookApi } from '../src-main/common/api';
import { buildNotebookApi } from '../src-main/common/api-client';
import { isWriteMethod, type ApiMethod } from '../src-main/common/api-methods';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    notebook?: NotebookApi;
  }
}

/** sessionStorage key that keeps the browser-mode token across reloads of the tab. */
export const TOKEN_KEY = 'marginalia.token';

export const UNREACHABLE_MESSAGE = "Marginalia's host is not reachable. Is `npm run serve` still running?";
export const BAD_TOKEN_MESSAGE =
  "This page's access token is missing or out of date: open the link printed by npm run serve again.";
export const REFUSED_MESSAGE =
  "Marginalia's host refused this page: its address or access token is not the one npm run serve printed. Open that link again.";

const unavailable = (message: string): { ok: false; error: ApiError } => ({
  ok: false,
  error: { code: 'unavailable', message },
});

function isApiResponse(body: unknown): body is ApiResponse<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  if (body.ok === true) return 'value' in body;
  if (body.ok !== false || !('error' in body)) return false;
  const error = body.error as Partial<ApiError> | null;
  return typeof error === 'object' && error !== null && typeof error.code === 'string' && typeof error.message === 'string';
}

export interface HttpClientOptions {
  /** The token to send, read at each call (it may arrive after the client is built). */
  getToken: () => string | undefined;
  /** Defaults to the global `fetch`, looked up at call time. */
  fetchImpl?: typeof fetch;
}

/**
 * Writes the window sends in order: an import downloads and parses before it reaches the
 * notebook's write queue, and only adds a record, so other writes need not wait behind it.
 */
const holdsOrder = (method: ApiMethod) => isWriteMethod(method) && method !== 'importArticle' && method !== 'importUrl';

/**
 * The browser-mode client: one POST per call to `/api/<method>`. Built from the contract's
 * method list (`buildNotebookApi`), so a new call needs no change here.
 *
 * Requests on separate connections can reach the host out of order, so each write is sent
 * once the one before has been answered: Ctrl+Z right after `h` then undoes the highlight,
 * never the step before it. (IPC keeps the order by itself.)
 */
export function createHttpClient(options: HttpClientOptions): NotebookApi {
  const post = postTo(options);
  let lastWrite: Promise<unknown> = Promise.resolve();
  return buildNotebookApi((method, arg) => {
    if (!holdsOrder(method)) return post(method, arg);
    const answer = lastWrite.then(() => post(method, arg));
    lastWrite = answer;
    return answer;
  });
}

/** One POST to `/api/<method>`; answers a value, never throws. */
function postTo({ getToken, fetchImpl }: HttpClientOptions) {
  return async (method: ApiMethod, arg: unknown): Promise<ApiResponse<unknown>> => {
    const token = getToken();
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await (fetchImpl ?? fetch)(`/api/${method}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(arg),
      });
    } catch {
      return unavailable(UNREACHABLE_MESSAGE);
    }
    if (response.status === 401) return unavailable(BAD_TOKEN_MESSAGE);
    if (response.status === 403) return unavailable(REFUSED_MESSAGE);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (isApiResponse(body)) return body;
    return unavailable(
      `Marginalia's host sent an answer this page cannot read (HTTP ${response.status} for ${method}). ` +
        'Restart npm run serve and open its link again.',
    );
  };
}

/**
 * Wraps the preload's object so that a rejected IPC call (a missing handler, a crashed main
 * process) still comes back as a value, as the rest of the renderer expects.
 */
export function createIpcClient(bridge: NotebookApi): NotebookApi {
  return buildNotebookApi(async (method, arg) => {
    try {
      const send = bridge[method] as (arg: unknown) => Promise<ApiResponse<unknown>>;
      const answer = await send(arg);
      return isApiResponse(answer) ? answer : unavailable(`Marginalia's main process gave no answer to ${method}.`);
    } catch (error) {
      return unavailable(`Marginalia's main process did not answer ${method}: ${String(error)}. Restart the app.`);
    }
  });
}

/**
 * Takes the browser-mode token from `#token=…` (then removes it from the address bar so it is
 * not bookmarked or shared), or from sessionStorage after a reload.
 */
export function takeToken(win: Window = window): string | undefined {
  const fromHash = new URLSearchParams(win.location.hash.replace(/^#/, '')).get('token') ?? undefined;
  if (fromHash) {
    try {
      win.sessionStorage.setItem(TOKEN_KEY, fromHash);
    } catch {
      // Storage can be disabled; the token then lasts until the tab reloads.
    }
    win.history.replaceState(win.history.state, '', win.location.pathname + win.location.search);
    return fromHash;
  }
  try {
    return win.sessionStorage.getItem(TOKEN_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Browser mode's token, taken once from the address (undefined in Electron). */
const token = typeof window !== 'undefined' && !window.notebook ? takeToken(window) : undefined;

/** The token every browser-mode request carries (the change feed's too). */
export const browserToken = (): string | undefined => token;

function createClient(): NotebookApi {
  if (typeof window !== 'undefined' && window.notebook) return createIpcClient(window.notebook);
  return createHttpClient({ getToken: browserToken });
}

/** The notebook, as the renderer sees it. */
export const notebook: NotebookApi = createClient();
