// @vitest-environment jsdom
/** A picked or dropped file becomes an importArticle argument, or a reason; a file over its limit is never read. */
import { describe, expect, it, vi } from 'vitest';
import { readImportFile } from './read-import-file';

const fileOfSize = (name: string, size: number) => {
  const file = new File(['x'], name);
  Object.defineProperty(file, 'size', { value: size });
  return file;
};

describe('readImportFile', () => {
  it('sends the bytes as base64 with the file name and the format its extension names', async () => {
    const bytes = new Uint8Array([0x3c, 0x70, 0x3e, 0xc3, 0xa9, 0x00, 0xff]);
    expect(await readImportFile(new File([bytes], 'Saved Page.HTM'))).toEqual({
      ok: true,
      arg: { format: 'html', encoding: 'base64', content: Buffer.from(bytes).toString('base64'), fileName: 'Saved Page.HTM' },
    });
  });

  it('refuses a 200 MB file by its size, without reading it', async () => {
    const read = vi.spyOn(FileReader.prototype, 'readAsDataURL');
    expect(await readImportFile(fileOfSize('archive.html', 200_000_000))).toEqual({
      ok: false,
      message: 'This file is too large: 200 MB; the limit for HTML files is 20 MB.',
    });
    expect(read).not.toHaveBeenCalled();
    read.mockRestore();
  });

  it.each([
    ['empty.md', 0, 'This file is empty.'],
    ['slides.pptx', 10, 'Marginalia cannot import this type of file: choose an .html, .txt, .md or .pdf file.'],
  ])('refuses %s', async (name, size, message) => {
    expect(await readImportFile(fileOfSize(name, size))).toEqual({ ok: false, message });
  });
});
