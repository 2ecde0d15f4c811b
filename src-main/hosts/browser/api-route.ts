/**
 * `POST /api/<method>`: the HTTP face of `dispatch`. The body is the call's argument as JSON;
 * the answer is the call's `ApiResponse` with status 200. Refusals before the call is made
 * (token, content type, size, JSON) answer their own status with the same error shape.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NotebookHandlers } from '../../common/api';
import { dispatch, isApiMethod, type DispatchOptions } from '../../common/api-dispatch';
import { hasBearerToken } from './request-guard';
import { quoteClientText, sendError, sendJson } from './responses';
import { readBody } from './read-body';

export const API_PREFIX = '/api/';

export interface ApiRouteContext {
  handlers: NotebookHandlers;
  token: string;
  maxBodyBytes: number;
  onInternalError?: DispatchOptions['onInternalError'];
}

function isJsonContentType(header: string | undefined): boolean {
  const mediaType = header?.split(';', 1)[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

function describeSize(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return Number.isInteger(mib) ? `${mib} MiB` : `${bytes.toLocaleString('en')} bytes`;
}

export async function handleApiRequest(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  context: ApiRouteContext,
): Promise<void> {
  if (req.method !== 'POST') {
    sendError(res, 405, 'invalid_argument', `API calls are made with POST, not ${req.method ?? 'this method'}.`, {
      Allow: 'POST',
    });
    return;
  }
  if (!hasBearerToken(req.headers.authorization, context.token)) {
    sendError(
      res,
      401,
      'unavailable',
      'The access token is missing or wrong. Open the address Marginalia printed when it started (it ends with #token=…).',
    );
    return;
  }
  const method = path.startsWith(API_PREFIX) ? path.slice(API_PREFIX.length) : '';
  if (!isApiMethod(method)) {
    sendError(res, 404, 'not_found', `There is no call named ${quoteClientText(method)}.`);
    return;
  }
  if (!isJsonContentType(req.headers['content-type'])) {
    sendError(res, 415, 'invalid_argument', 'The request body must be JSON, sent with "Content-Type: application/json".');
    return;
  }

  const read = await readBody(req, context.maxBodyBytes);
  if (read.kind === 'aborted') return;
  if (read.kind === 'too_large') {
    sendError(
      res,
      413,
      'invalid_argument',
      `The request is larger than ${describeSize(context.maxBodyBytes)}, the most Marginalia accepts in one call.`,
      { Connection: 'close' },
    );
    return;
  }

  const text = read.body.toString('utf8');
  let arg: unknown = {};
  if (text.trim() !== '') {
    try {
      arg = JSON.parse(text);
    } catch {
      sendError(res, 400, 'invalid_argument', 'The request body is not valid JSON.');
      return;
    }
  }
  const options: DispatchOptions = context.onInternalError ? { onInternalError: context.onInternalError } : {};
  sendJson(res, 200, await dispatch(context.handlers, method, arg, options));
}
