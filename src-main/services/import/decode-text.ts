/**
 * Bytes → text, refusing to guess: a byte-order mark or a declared charset (an HTML `<meta>`
 * or an HTTP header) chooses the encoding, otherwise the bytes must be valid UTF-8. Text that
 * cannot be decoded is refused with a message rather than stored as mojibake.
 */
import { NotebookError } from '../../common/errors';
import { EMPTY_FILE_MESSAGE } from '../../common/import-limits';

export const UNREADABLE_ENCODING_MESSAGE =
  'This file has an unreadable encoding: its text is not valid UTF-8 and it names no other encoding. Save it as UTF-8 and import it again.';
export const BINARY_FILE_MESSAGE = 'This file is not an article: it holds binary data (an image, archive or program?), not text.';

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

export interface DecodeOptions {
  /** Look for `<meta charset>` in the first bytes (HTML). */
  html?: boolean;
  /** A charset named outside the bytes, such as an HTTP Content-Type header. */
  charset?: string;
}

export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): string {
  if (bytes.length === 0) throw new NotebookError('invalid_argument', EMPTY_FILE_MESSAGE);
  const bom = BOMS.find(([marks]) => marks.every((mark, i) => bytes[i] === mark));
  if (bom) return decodeWith(bom[1], bytes.subarray(bom[0].length));
  if (looksBinary(bytes)) throw new NotebookError('invalid_argument', BINARY_FILE_MESSAGE);
  const declared = options.charset ?? (options.html ? sniffMetaCharset(bytes) : undefined);
  const label = declared && isKnownEncoding(declared) ? declared : 'utf-8';
  return decodeWith(label, bytes);
}

function decodeWith(label: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    throw new NotebookError('invalid_argument', UNREADABLE_ENCODING_MESSAGE);
  }
}

/** Text files hold no NUL bytes; binary files almost always do within their first kilobytes. */
function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

function isKnownEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** The charset an HTML page declares in its first 4 KB (the HTML standard's prescan window is 1 KB; pages exceed it). */
export function sniffMetaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<meta[^>]+content\s*=\s*["'][^"']*charset\s*=\s*([\w.:-]+)/i.exec(head);
  return match?.[1]?.toLowerCase();
}

/** The charset parameter of a Content-Type header, if any. */
export function charsetOfContentType(contentType: string | null): string | undefined {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
}
