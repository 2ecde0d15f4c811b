/** An exported file's bytes: text as UTF-8, PDF and Word decoded from base64. */
import { describe, expect, it } from 'vitest';
import { exportBlob } from './export-download';

describe('exportBlob', () => {
  it('keeps text as UTF-8 with the format’s type', async () => {
    const blob = exportBlob({ content: '# Café “quotes”', encoding: 'utf8', mimeType: 'text/markdown; charset=utf-8' });
    expect(blob.type).toBe('text/markdown; charset=utf-8');
    expect(await blob.text()).toBe('# Café “quotes”');
  });

  it('decodes base64 to the exact bytes, high bytes included', async () => {
    const bytes = Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x80, 0x0a]);
    const blob = exportBlob({ content: Buffer.from(bytes).toString('base64'), encoding: 'base64', mimeType: 'application/pdf' });
    expect(blob.type).toBe('application/pdf');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
  });
});
