/** The size limits and their messages. */
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, base64Size, describeBytes, formatOfFileName, tooLargeMessage } from '../../../common/import-limits';

describe('import limits', () => {
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
