/**
 * Downloads one web address for import: the only network request Marginalia ever makes, and
 * only when the person asks. Bounded in time (an abort after `timeoutMs`) and in size (the body
 * is streamed and the download stops at the limit), and every failure is a sentence.
 */
import { NotebookError } from '../../common/errors';
import { IMPORT_LIMITS, tooLargeMessage } from '../../common/import-limits';
import type { ArticleFormat } from '../../common/model';
import { charsetOfContentType } from './decode-text';

export interface FetchOptions {
  /** How long to wait for the whole page, in milliseconds. */
  timeoutMs?: number;
}

export const FETCH_TIMEOUT_MS = 20_000;

export interface FetchedPage {
  format: ArticleFormat;
  bytes: Uint8Array;
  /** The address the page was finally served from (after redirects). */
  url: string;
  charset?: string;
}

const FORMAT_OF_MEDIA_TYPE: Record<string, ArticleFormat> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/pdf': 'pdf',
  'text/plain': 'text',
  'text/markdown': 'markdown',
};

/** Network errors Node reports for "no route to that site". */
const UNREACHABLE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ENETUNREACH|EHOSTUNREACH|ETIMEDOUT|UND_ERR_CONNECT|UND_ERR_SOCKET/;

export async function fetchPage(address: string, options: FetchOptions = {}): Promise<FetchedPage> {
  if (!URL.canParse(address)) throw new NotebookError('invalid_argument', `“${address}” is not a web address Marginalia can open.`);
  const url = new URL(address);
  const host = url.host;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new NotebookError('invalid_argument', `“${clip(address)}” is not a web page's address: only http and https pages can be imported.`);
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const seconds = Math.max(1, Math.round(timeoutMs / 1000));
  const slow = () => new NotebookError('unavailable', `${host} did not send the page within ${seconds} second${seconds === 1 ? '' : 's'}; try again later.`);
  try {
    let response: Response;
    let final = url;
    try {
      ({ response, url: final } = await fetchFollowing(url, controller.signal));
    } catch (error) {
      if (error instanceof NotebookError) throw error;
      if (controller.signal.aborted) throw slow();
      const cause = error instanceof Error ? `${String((error.cause as { code?: string } | undefined)?.code ?? '')} ${String(error.cause ?? '')}` : '';
      throw new NotebookError(
        'unavailable',
        UNREACHABLE.test(cause) || error instanceof TypeError
          ? `Could not reach ${host}: the computer seems to be offline or the site is down.`
          : `Could not download ${host}: ${String(error)}`,
      );
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new NotebookError('unavailable', `${host} answered “${response.status} ${response.statusText}”: there is no page to import at that address.`);
    }
    const contentType = response.headers.get('content-type');
    const mediaType = contentType?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
    const format = FORMAT_OF_MEDIA_TYPE[mediaType] ?? (mediaType === '' ? 'html' : undefined);
    if (!format) {
      await response.body?.cancel().catch(() => undefined);
      throw new NotebookError('invalid_argument', `That address is not a web page or a PDF (it sends ${mediaType}).`);
    }
    const bytes = await readLimited(response, format).catch((error: unknown) => {
      if (controller.signal.aborted) throw slow();
      throw error;
    });
    const charset = charsetOfContentType(contentType);
    return { format, bytes, url: final.href, ...(charset ? { charset } : {}) };
  } finally {
    clearTimeout(timer);
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** As many redirects as browsers follow before they give up. */
export const MAX_REDIRECTS = 20;

/**
 * Fetches `start`, following redirects one at a time rather than leaving them to fetch: fetch
 * refuses a redirect to `javascript:`, `file:` or `data:` with the same TypeError as a network
 * failure, which would tell the person their computer is offline. Each hop is checked here and
 * refused with its reason instead.
 */
async function fetchFollowing(start: URL, signal: AbortSignal): Promise<{ response: Response; url: URL }> {
  let url = start;
  for (let hops = 0; ; hops++) {
    const response = await fetch(url, {
      signal,
      redirect: 'manual',
      credentials: 'omit',
      headers: { accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8' },
    });
    const location = REDIRECTS.has(response.status) ? response.headers.get('location') : null;
    // A redirect without a Location is an answer like any other (refused below as not OK).
    if (location === null) return { response, url };
    await response.body?.cancel().catch(() => undefined);
    const next = URL.canParse(location, url) ? new URL(location, url) : undefined;
    if (!next) throw new NotebookError('invalid_argument', `${url.host} redirects to “${clip(location)}”, which is not a web address.`);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw new NotebookError(
        'invalid_argument',
        `${url.host} redirects to a “${next.protocol}” address (${clip(next.href)}), which Marginalia does not open: only web pages (http and https) can be imported.`,
      );
    }
    if (hops >= MAX_REDIRECTS) throw new NotebookError('unavailable', `${start.host} redirects more than ${MAX_REDIRECTS} times without reaching a page; open the address in a browser to see where it leads.`);
    url = next;
  }
}

/** An address as a message can quote it: short enough to read. */
const clip = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/** The body, stopping (and refusing) as soon as it passes the format's limit. */
async function readLimited(response: Response, format: ArticleFormat): Promise<Uint8Array> {
  const limit = IMPORT_LIMITS[format];
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw new NotebookError('invalid_argument', tooLargeMessage(format, declared, { what: 'page' }));
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw new NotebookError('invalid_argument', tooLargeMessage(format, limit, { what: 'page', stoppedEarly: true }));
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}
