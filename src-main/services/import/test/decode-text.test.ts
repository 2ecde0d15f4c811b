/** Bytes → text: the encoding comes from a byte-order mark, a declared charset or valid UTF-8, never a guess. */
import { describe, expect, it } from 'vitest';
import { BINARY_FILE_MESSAGE, UNREADABLE_ENCODING_MESSAGE, decodeText } from '../decode-text';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

describe('decodeText', () => {
  const DECODED: [string, Uint8Array, Parameters<typeof decodeText>[1], string][] = [
    ['plain UTF-8', bytes('Café — naïve'), {}, 'Café — naïve'],
    ['UTF-8 with a byte-order mark', bytes([0xef, 0xbb, 0xbf], 'Ünïcode'), {}, 'Ünïcode'],
    ['UTF-16LE with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Grüße', 'utf16le')]), {}, 'Grüße'],
    ['windows-1252 named by <meta charset>', bytes('<meta charset="windows-1252"><p>Caf', [0xe9], '</p>'), { html: true }, '<meta charset="windows-1252"><p>Café</p>'],
    [
      'ISO-8859-1 named by http-equiv',
      bytes('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>', [0xa9], '</p>'),
      { html: true },
      '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>©</p>',
    ],
    ['Shift_JIS named by an HTTP header', Buffer.from([0x93, 0xfa, 0x96, 0x7b]), { charset: 'shift_jis' }, '日本'],
    ['an unknown charset label falls back to UTF-8', bytes('<meta charset="klingon"><p>ok ✓</p>'), { html: true }, '<meta charset="klingon"><p>ok ✓</p>'],
  ];
  it.each(DECODED)('decodes %s', (_name, input, options, expected) => {
    expect(decodeText(input, options)).toBe(expected);
  });

  const REFUSED: [string, Uint8Array, string][] = [
    ['Latin-1 bytes that name no encoding', bytes('Caf', [0xe9], ' noir'), UNREADABLE_ENCODING_MESSAGE],
    ['a truncated UTF-8 sequence', bytes('ok ', [0xe2, 0x82]), UNREADABLE_ENCODING_MESSAGE],
    ['bytes with NUL in them', bytes('GIF89a', [0, 0, 1, 0]), BINARY_FILE_MESSAGE],
    ['nothing at all', new Uint8Array(0), 'This file is empty.'],
  ];
  it.each(REFUSED)('refuses %s', (_name, input, message) => {
    expect(() => decodeText(input, { html: true })).toThrow(message);
  });
});
