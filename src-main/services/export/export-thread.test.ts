/**
 * Exports in their worker thread, as the app runs them: the same file as on the main thread,
 * the notebook as it stands after the latest write, progress while it runs, and a cancel that
 * stops it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportArgs } from '../../common/export-schema';
import { valueOf } from '../../test-support/in-process-api';
import { workerRunner } from './export-thread';
import { exportNotebook, type ExportNotebook } from './test-support/export-notebook';

let inWorker: ExportNotebook;
let onThread: ExportNotebook;
beforeAll(async () => {
  [inWorker, onThread] = await Promise.all([exportNotebook({ exportThread: 'worker' }), exportNotebook({ exportThread: 'in-process' })]);
});
afterAll(() => Promise.all([inWorker.close(), onThread.close()]));

const markdown = { format: 'md' as const, shape: 'claim' as const, scope: { tags: ['alliance'] } };
const withoutDate = (text: string) => text.replace(/\d{4}-\d{2}-\d{2}/g, 'DATE').replace(/\b(art|ann|clm|note)_[a-z0-9]+/g, '$1_ID');

describe('exports in a worker thread', () => {
  it('make the same file as on the main thread', async () => {
    const [worker, thread] = await Promise.all([valueOf(inWorker.api.exportReport(markdown)), valueOf(onThread.api.exportReport(markdown))]);
    expect(withoutDate(worker.content)).toBe(withoutDate(thread.content));
    expect(worker.summary).toEqual({ sources: 2, highlights: 2, claims: 1 });
    // A tag scope by source: the worker is handed the store's tagged highlights.
    const china = { format: 'csv' as const, scope: { tags: ['china'] } };
    const [workerCsv, threadCsv] = await Promise.all([valueOf(inWorker.api.exportReport(china)), valueOf(onThread.api.exportReport(china))]);
    expect(withoutDate(workerCsv.content)).toBe(withoutDate(threadCsv.content));
    expect(workerCsv.summary).toEqual({ sources: 1, highlights: 1, claims: 0 });
    const docx = await valueOf(inWorker.api.exportReport({ format: 'docx' }));
    expect(Buffer.from(docx.content, 'base64').subarray(0, 2).toString()).toBe('PK');
  }, 60_000);

  it('read the notebook as the latest write left it', async () => {
    const claim = (await valueOf(inWorker.api.listClaims({})))[0]!;
    await valueOf(inWorker.api.updateClaim({ id: claim.id, statement: 'A statement changed just before the export.' }));
    const exported = await valueOf(inWorker.api.exportReport(markdown));
    expect(exported.content).toContain('## A statement changed just before the export.');
    const preview = await valueOf(inWorker.api.previewExport({ ...markdown, format: 'html' }));
    expect(preview.kind).toBe('html');
    expect(preview.content).toContain('A statement changed just before the export.');
  }, 60_000);

  it('say how far they are and stop when cancelled', async () => {
    const running = inWorker.api.exportReport({ format: 'csv', job: 'whole' });
    const cancelled = await valueOf(inWorker.api.cancelExport({ job: 'whole' }));
    expect(cancelled).toEqual({ cancelled: true });
    const answer = await running;
    expect(answer.ok ? 'finished' : answer.error.code).toBe('cancelled');
    // The worker goes on serving later exports.
    expect((await valueOf(inWorker.api.exportReport({ format: 'csv' }))).content).toMatch(/^Article,/);
  }, 60_000);

  it('say what is wrong, from the worker', async () => {
    const answer = await inWorker.api.exportReport({ format: 'md', scope: { tags: ['nothing-here'] } });
    expect(answer).toEqual({ ok: false, error: { code: 'invalid_argument', message: 'No highlights in this scope.' } });
  }, 60_000);
});

describe('an export worker left without jobs', () => {
  it('is stopped, so its heap is given back, and the next export starts another', async () => {
    const stopped = vi.fn();
    const runner = workerRunner({ dir: inWorker.dir, flush: async () => {}, now: () => new Date('2026-01-01T00:00:00Z'), tagged: async () => [], idleMs: 50, onIdleStop: stopped });
    const request = exportArgs.parse({ format: 'csv' });
    try {
      const first = await runner.export(request, () => {}, new AbortController().signal);
      await vi.waitFor(() => expect(stopped).toHaveBeenCalledTimes(1), { timeout: 10_000 });
      const second = await runner.export(request, () => {}, new AbortController().signal);
      expect(second.body).toEqual(first.body);
    } finally {
      await runner.close();
    }
  }, 60_000);
});
