/**
 * A bare HTTP client for tests that must send what browsers and `fetch` never would: a foreign
 * `Host` header, a path with `..` left in, a body larger than the host accepts.
 */
import { request, type IncomingHttpHeaders } from 'node:http';

export interface RawRequest {
  port: number;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body in pieces with chunked encoding instead of one piece with a length. */
  chunked?: boolean;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON (throws when it is not JSON). */
  json(): unknown;
}

export function rawRequest({ port, path, method = 'GET', headers = {}, body, chunked = false }: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      // agent: false, so no pooled connection outlives the test.
      { host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as unknown });
        });
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer to ${method} ${path} within 10 s`)));
    // The host may answer (413) and close before it has read everything we send.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    if (body !== undefined && chunked) {
      const data = Buffer.from(body);
      for (let at = 0; at < data.length; at += 512) req.write(data.subarray(at, at + 512));
      req.end();
    } else {
      req.end(body);
    }
  });
}
