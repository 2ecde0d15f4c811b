/** Reads a request body into memory, up to a limit. */
import type { IncomingMessage } from 'node:http';

export type BodyResult =
  | { kind: 'body'; body: Buffer }
  /** Over the limit; the rest of the body is read and dropped so the answer can be delivered. */
  | { kind: 'too_large' }
  /** The client went away before sending all of it. */
  | { kind: 'aborted' };

export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return Promise.resolve({ kind: 'too_large' });
  }
  return new Promise((settle) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      chunks.length = 0;
      settle(result);
    };
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > maxBytes) finish({ kind: 'too_large' });
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (!settled) finish({ kind: 'body', body: Buffer.concat(chunks) });
    });
    req.on('error', () => finish({ kind: 'aborted' }));
    req.on('close', () => finish({ kind: 'aborted' }));
  });
}
