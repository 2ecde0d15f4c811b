/**
 * The checks every browser-mode request passes before anything else looks at it.
 *
 * - `Host` must name this server (127.0.0.1 or localhost, on our port): a page on another site
 *   that rebinds its DNS name to 127.0.0.1 still sends its own name, and is refused.
 * - `Origin`, when sent, must be this server: no other site may call the API, even blindly.
 * - API calls carry the per-launch token; it lives in the URL fragment, which browsers never
 *   send, so only a page opened from the printed address knows it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { quoteClientText } from './responses';

const LOCAL_NAMES = ['127.0.0.1', 'localhost'] as const;

/** The `Host` values this server answers to. */
export function allowedHosts(port: number): string[] {
  return LOCAL_NAMES.map((name) => `${name}:${port}`);
}

/** The `Origin` values allowed to call this server. */
export function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((host) => `http://${host}`);
}

/** Why a request is refused (403), or undefined when its Host and Origin are ours. */
export function refuseForeignRequest(headers: IncomingHttpHeaders, port: number): string | undefined {
  const host = headers.host;
  if (host === undefined || !allowedHosts(port).includes(host.toLowerCase())) {
    return (
      `This server answers only to 127.0.0.1:${port} or localhost:${port}; ` +
      `the request was addressed to ${host === undefined ? 'no host' : quoteClientText(host)}.`
    );
  }
  const origin = headers.origin;
  if (origin !== undefined && !allowedOrigins(port).includes(origin.toLowerCase())) {
    return `Requests from other sites are refused (this one came from ${quoteClientText(origin)}).`;
  }
  return undefined;
}

/** True when `Authorization: Bearer <token>` carries exactly this launch's token. */
export function hasBearerToken(authorization: string | undefined, token: string): boolean {
  if (authorization === undefined) return false;
  const match = /^Bearer +(\S+)\s*$/i.exec(authorization);
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1], 'utf8');
  const expected = Buffer.from(token, 'utf8');
  // The token's length is public (64 hex digits); only its content must not leak through timing.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
