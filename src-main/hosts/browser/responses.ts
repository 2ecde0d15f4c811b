/**
 * The headers every browser-mode answer carries, and the one way errors are answered:
 * JSON `{ ok: false, error: { code, message } }`, the same shape the API answers.
 */
import type { ServerResponse } from 'node:http';
import type { ErrorCode } from '../../common/api';
import { CONTENT_SECURITY_POLICY } from '../../common/content-security';

/** `frame-ancestors` in the CSP only works as a header, so the meta tag alone is not enough. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Answers a JSON value; API answers and errors are never cached. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extraHeaders: Record<string, string> = {},
): void {
  // Encoded once, and its length is the buffer's: measuring the string in UTF-8 and then
  // writing it went through a large answer (580 KB for 1,000 highlights) twice.
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': payload.length,
    'Cache-Control': 'no-store',
    ...extraHeaders,
  });
  // Node leaves the body out by itself when answering HEAD.
  res.end(payload);
}

/**
 * Answers an HTTP-level refusal. Codes stay inside the contract's `ErrorCode`, so the renderer
 * client can hand the answer on as an `ApiResponse`: refusals of access (401, 403) are
 * `unavailable`, malformed requests `invalid_argument`.
 */
export function sendError(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  extraHeaders: Record<string, string> = {},
): void {
  sendJson(res, status, { ok: false, error: { code, message } }, extraHeaders);
}

/** Shortens text a client sent before it is echoed in a message. */
export function quoteClientText(text: string, max = 80): string {
  const short = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(short);
}
