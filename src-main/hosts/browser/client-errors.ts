/**
 * Requests Node's HTTP parser refuses before the host sees them (an address or headers over
 * its 16 KiB limit, bytes that are not HTTP) still get an answer in words, never a reset.
 *
 * Node's own handling writes a bare status line and destroys the socket at once. When the
 * client is still sending (a 100,000-character address is several TCP segments), closing a
 * socket with unread data makes the kernel send a reset, which can reach the client before it
 * has read the answer: it sees "connection reset" instead of a status. So the answer is written,
 * our side of the connection is half-closed, and what the client still sends is read and
 * dropped until it closes too — bounded in time and bytes, so a client cannot keep it open.
 */
import type { Duplex } from 'node:stream';
import { SECURITY_HEADERS } from './responses';

/** How long a refused client may go on sending before its connection is cut. */
const DRAIN_MS = 5_000;
/** How much a refused client may go on sending before its connection is cut. */
const DRAIN_BYTES = 8 * 1024 * 1024;

interface ParserError extends Error {
  code?: string;
  /** The chunk the parser was reading when it failed. */
  rawPacket?: Buffer;
}

interface Refusal {
  status: number;
  reason: string;
  message: string;
}

/** What to answer for a parser error; undefined when there is nobody to answer (the client left). */
export function refusalFor(error: ParserError, maxHeaderBytes: number): Refusal | undefined {
  const limit = `${Math.round(maxHeaderBytes / 1024)} KiB`;
  switch (error.code) {
    case 'ECONNRESET':
    case 'EPIPE':
      return undefined;
    case 'HPE_HEADER_OVERFLOW': {
      // The parser says only that the request line and headers together passed the limit. When
      // the chunk it failed in holds no line ending before the limit, the overflow is in a line
      // that long; the request line comes first, so it is most likely the address.
      const packet = error.rawPacket;
      const lineEnd = packet ? packet.indexOf('\r\n') : -1;
      if (lineEnd === -1 || lineEnd > maxHeaderBytes) {
        return { status: 414, reason: 'URI Too Long', message: `The address of this request is longer than ${limit}, the most Marginalia accepts.` };
      }
      return { status: 431, reason: 'Request Header Fields Too Large', message: `The headers of this request are larger than ${limit}, the most Marginalia accepts.` };
    }
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, reason: 'Request Timeout', message: 'The request did not arrive in time.' };
    default:
      return { status: 400, reason: 'Bad Request', message: 'This is not an HTTP request Marginalia understands.' };
  }
}

/** The raw HTTP answer: the same JSON error shape and security headers as every other refusal. */
export function refusalResponse({ status, reason, message }: Refusal): string {
  const body = JSON.stringify({ ok: false, error: { code: 'invalid_argument', message } });
  const headers = {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    Connection: 'close',
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${status} ${reason}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

/**
 * A `clientError` listener for an HTTP server. The parser stays failed and reports every
 * further chunk of the same connection as another error: only the first is answered.
 */
export function answerClientErrors(maxHeaderBytes: number): (error: Error, socket: Duplex) => void {
  const answered = new WeakSet<Duplex>();
  return (error, socket) => {
    if (answered.has(socket)) return;
    answered.add(socket);
    const refusal = refusalFor(error, maxHeaderBytes);
    // An answer already under way on this connection (keep-alive) would be corrupted by
    // another one written over it: Node's own rule, kept.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (refusal === undefined || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    socket.end(refusalResponse(refusal));
    let drained = 0;
    const cut = setTimeout(() => socket.destroy(), DRAIN_MS).unref();
    socket.on('data', (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > DRAIN_BYTES) socket.destroy();
    });
    socket.once('close', () => clearTimeout(cut));
  };
}
