/** The size limits, their messages, and the browser host's body limit, which must carry the largest legal file. */
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, LARGEST_IMPORT, base64Size, describeBytes, formatOfFileName, tooLargeMessage } from '../../../common/import-limits';
import { MAX_BODY_BYTES } from '../../../hosts/browser/http-host';

describe('import limits', () => {
  it('lets the largest legal file through the browser host as base64 in JSON', () => {
    const largestCall = JSON.stringify({ format: 'pdf', encoding: 'base64', fileName: 'x'.repeat(255), content: 'A'.repeat(Math.ceil(LARGEST_IMPORT / 3) * 4) });
    expect(largestCall.length).toBeLessThan(MAX_BODY_BYTES);
  });

  it.each([
    [0, '1 KB'],
    [950_000, '950 KB'],
    [4_200_000, '4.2 MB'],
    [212_000_000, '212 MB'],
  ])('describes %i bytes as %s', (bytes, text) => {
    expect(describeBytes(bytes)).toBe(text);
  });

  it('names the size and the limit for the format', () => {
    expect(tooLargeMessage('html', 212_000_000)).toBe('This file is too large: 212 MB; the limit for HTML files is 20 MB.');
    expect(tooLargeMessage('pdf', IMPORT_LIMITS.pdf, { what: 'page', stoppedEarly: true })).toBe('This page is too large: more than 40 MB; the limit for PDF files is 40 MB.');
  });

  it.each([
    ['Report.HTML', 'html'],
    ['saved.htm', 'html'],
    ['notes.md', 'markdown'],
    ['notes.markdown', 'markdown'],
    ['plain.txt', 'text'],
    ['paper.pdf', 'pdf'],
    ['slides.pptx', undefined],
    ['html', undefined],
  ])('knows %s as %s', (name, format) => {
    expect(formatOfFileName(name)).toBe(format);
  });

  it('measures base64 without decoding it', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'abcd', 'hello world']) expect(base64Size(Buffer.from(text).toString('base64'))).toBe(text.length);
  });
});
