/**
 * Every format from one real notebook (the sample article and a second one, highlights, a
 * claim with evidence in both, notes of each relation), through the export call itself,
 * against reviewed golden files. Record ids are random, so they are numbered in order of
 * appearance before comparing; the clock is fixed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCHANGE_FORMATS, EXPORT_FORMATS, type ExportFormat } from '../../common/export-schema';
import { createExporter, inProcessRunner } from './export-service';
import { expectGolden } from './test-support/golden';
import { exportNotebook, stableIds, type ExportNotebook } from './test-support/export-notebook';

let fixture: ExportNotebook;
let exporter: ReturnType<typeof createExporter>;
beforeAll(async () => {
  fixture = await exportNotebook();
  exporter = createExporter({
    runner: inProcessRunner(fixture.notebook.reportData, () => new Date('2026-11-30T12:00:00.000Z')),
    printPdf: () => Promise.reject(new Error('not printed here: see the command line tests')),
  });
});
afterAll(() => fixture.close());

const request = (format: ExportFormat, shape: 'source' | 'claim', tags: string[] = []) => ({
  format,
  shape,
  scope: { articleIds: [], tags, claimIds: [] },
  style: 'apa' as const,
  options: { comments: true, notes: true, needsReview: true },
  excel: false,
  colorCodes: false,
});

/** Report formats with golden files; the exchange formats carry revisions, which differ per run (see exchange tests). */
const TEXT_FORMATS = EXPORT_FORMATS.filter((format) => format !== 'pdf' && format !== 'docx' && !EXCHANGE_FORMATS.includes(format));

describe('a notebook exported in every text format', () => {
  for (const format of TEXT_FORMATS) {
    it(`by source, ${format}`, async () => {
      const result = await exporter.exportReport(request(format, 'source'));
      expect(result.encoding).toBe('utf8');
      expect(result.fileName).toMatch(/^Whole notebook — (sources|bibliography) — 2026-11-30\./);
      expectGolden(`notebook-sources.${format}`, stableIds(result.content));
    });
  }

  for (const format of ['md', 'html', 'csv'] as const) {
    it(`by claim, tag alliance, ${format}`, async () => {
      const result = await exporter.exportReport(request(format, 'claim', ['alliance']));
      expect(result.fileName).toBe(`alliance — claims — 2026-11-30.${format}`);
      expect(result.summary).toEqual({ sources: 2, highlights: 2, claims: 1 });
      expectGolden(`notebook-claims-alliance.${format}`, stableIds(result.content));
    });
  }

  it('writes Word as base64 bytes of a .docx', async () => {
    const result = await exporter.exportReport(request('docx', 'claim', ['alliance']));
    expect(result).toMatchObject({ encoding: 'base64', fileName: 'alliance — claims — 2026-11-30.docx' });
    expect(Buffer.from(result.content, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('previews the start of an export, as HTML for the page formats and as text for the others', async () => {
    const html = await exporter.previewExport(request('pdf', 'source'));
    expect(html.kind).toBe('html');
    expect(html.content).toMatch(/^<!doctype html>/i);
    const csv = await exporter.previewExport(request('csv', 'source'));
    expect(csv.kind).toBe('text');
    expect(csv.content.split('\r\n')[0]).toMatch(/^Article,Citation,Quote/);
  });

  it('follows and cancels a named export', async () => {
    expect(await exporter.exportProgress({ job: 'nothing' })).toBeNull();
    const running = exporter.exportReport({ ...request('md', 'source'), job: 'big' });
    expect(await exporter.cancelExport({ job: 'big' })).toEqual({ cancelled: true });
    await expect(running).rejects.toThrow('The export was cancelled.');
    expect(await exporter.cancelExport({ job: 'big' })).toEqual({ cancelled: false });
  });
});
