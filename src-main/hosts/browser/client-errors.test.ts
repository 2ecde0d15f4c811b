/**
 * Requests Node's parser refuses are answered in words and the connection is closed cleanly,
 * however the client sends them. Before, a 100,000-character call name got a bare 431 and a
 * socket destroyed under the client's feet: a client still sending saw "connection reset".
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotebookHandlers } from '../../common/api';
import { refusalFor } from './client-errors';
import { MAX_HEADER_BYTES, startBrowserHost, type BrowserHost } from './http-host';

describe('refusalFor', () => {
  const packet = (text: string) => Buffer.from(text);
  const table: [name: string, error: { code?: string; rawPacket?: Buffer }, status: number | undefined][] = [
    ['an address past the limit, no line end in sight', { code: 'HPE_HEADER_OVERFLOW', rawPacket: packet(`POST /api/${'a'.repeat(20_000)}`) }, 414],
    ['the middle of a long address, read in pieces', { code: 'HPE_HEADER_OVERFLOW', rawPacket: packet('a'.repeat(4096)) }, 414],
    ['a request line longer than the limit, then headers', { code: 'HPE_HEADER_OVERFLOW', rawPacket: packet(`GET /${'a'.repeat(17_000)} HTTP/1.1\r\nHost: x\r\n`) }, 414],
    ['a short request line and a huge header', { code: 'HPE_HEADER_OVERFLOW', rawPacket: packet(`GET / HTTP/1.1\r\nX-Pad: ${'p'.repeat(20_000)}`) }, 431],
    ['no packet at all', { code: 'HPE_HEADER_OVERFLOW' }, 414],
    ['bytes that are not HTTP', { code: 'HPE_INVALID_METHOD' }, 400],
    ['a bad header token', { code: 'HPE_INVALID_HEADER_TOKEN' }, 400],
    ['a request that never finished arriving', { code: 'ERR_HTTP_REQUEST_TIMEOUT' }, 408],
    ['a client that left', { code: 'ECONNRESET' }, undefined],
  ];
  for (const [name, error, status] of table) {
    it(`answers ${status ?? 'nothing'} to ${name}`, () => {
      const refusal = refusalFor(Object.assign(new Error('parse error'), error), MAX_HEADER_BYTES);
      expect(refusal?.status).toBe(status);
      if (refusal) expect(refusal.message).toMatch(/^[A-Z].*\.$/);
    });
  }
});

let work = '';
let host: BrowserHost;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'marginalia-client-errors-'));
  await writeFile(join(work, 'index.html'), '<!doctype html>');
  host = await startBrowserHost({ handlers: {} as NotebookHandlers, feed: { subscribe: () => () => undefined }, rendererDir: work, port: 0 });
});

afterAll(async () => {
  await host?.close();
  await rm(work, { recursive: true, force: true });
});

/** Sends `request` over a plain socket, `piece` bytes at a time; answers all it read, or how it failed. */
function sendRaw(request: Buffer, piece: number): Promise<{ answer: string; failure?: string }> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: host.port });
    let answer = '';
    let at = 0;
    const pump = () => {
      while (at < request.length && !socket.destroyed) {
        const more = socket.write(request.subarray(at, at + piece));
        at += piece;
        if (!more) return void socket.once('drain', pump);
      }
    };
    socket.once('connect', pump);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.once('error', (error: NodeJS.ErrnoException) => resolve({ answer, failure: error.code ?? error.message }));
    socket.once('close', () => resolve({ answer }));
  });
}

describe('the host answers what the parser refuses', () => {
  const longCall = (extra = '') => Buffer.from(`POST /api/${'a'.repeat(100_000)} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Type: application/json\r\n${extra}\r\n`);

  const cases: [name: string, request: () => Buffer, piece: number][] = [
    ['in one write', () => longCall('Content-Length: 2\r\n'), 1 << 20],
    ['in 1 KiB pieces', () => longCall('Content-Length: 2\r\n'), 1024],
    ['followed by a 1 MB body', () => Buffer.concat([longCall('Content-Length: 1000000\r\n'), Buffer.alloc(1_000_000, 'x')]), 16 * 1024],
  ];
  for (const [name, request, piece] of cases) {
    it(`a 100,000-character call name ${name}: 414 with a sentence, never a reset`, async () => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const { answer, failure } = await sendRaw(request(), piece);
        expect(failure).toBeUndefined();
        expect(answer).toMatch(/^HTTP\/1\.1 414 URI Too Long\r\n/);
        expect(answer).toMatch(/\r\nContent-Type: application\/json; charset=utf-8\r\n/);
        expect(answer).toMatch(/\r\nX-Content-Type-Options: nosniff\r\n/);
        const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as unknown;
        expect(body).toEqual({ ok: false, error: { code: 'invalid_argument', message: 'The address of this request is longer than 16 KiB, the most Marginalia accepts.' } });
      }
    });
  }

  it('answers fetch the same way', async () => {
    const response = await fetch(`http://127.0.0.1:${host.port}/api/${'a'.repeat(100_000)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(414);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('answers bytes that are not HTTP with 400 in words', async () => {
    const { answer, failure } = await sendRaw(Buffer.from('HELLO? IS ANYONE THERE\r\n\r\n'), 1024);
    expect(failure).toBeUndefined();
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toContain('This is not an HTTP request Marginalia understands.');
  });

  it('still answers the next request normally', async () => {
    const { answer } = await sendRaw(Buffer.from(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`), 1024);
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  });
});
