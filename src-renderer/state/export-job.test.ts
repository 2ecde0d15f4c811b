/**
 * Running an export from the window: its progress is asked for every quarter second while it
 * runs and put in words, Cancel asks the main side to stop it, and a cancelled export says
 * that nothing was saved.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResponse } from '../../src-main/common/api';
import type { ExportResult } from '../../src-main/common/export-schema';
import type { ExportArgs } from './export-dialog-store';

const calls: { method: string; arg: unknown }[] = [];
let finish: (answer: ApiResponse<ExportResult>) => void = () => undefined;
let progress: { done: number; total: number } | null = null;

vi.mock('../notebook-client', () => ({
  notebook: {
    exportReport: (arg: unknown) => {
      calls.push({ method: 'exportReport', arg });
      return new Promise((resolve) => (finish = resolve));
    },
    exportProgress: async (arg: unknown) => {
      calls.push({ method: 'exportProgress', arg });
      return { ok: true, value: progress };
    },
    cancelExport: async (arg: unknown) => {
      calls.push({ method: 'cancelExport', arg });
      return { ok: true, value: { cancelled: true } };
    },
  },
}));

const { PROGRESS_POLL_MS, progressText, saveExport, startExport, summaryText } = await import('./export-job');

const ARGS: ExportArgs = { scope: { tags: ['alliance'] }, shape: 'claim', format: 'md' };

beforeEach(() => {
  vi.useFakeTimers();
  calls.length = 0;
  progress = null;
});
afterEach(() => vi.useRealTimers());

describe('a running export', () => {
  it('is asked how far it is every quarter second under its job name, until it ends', async () => {
    const heard: unknown[] = [];
    const running = startExport(ARGS, (each) => heard.push(each));
    const job = (calls[0]!.arg as { job: string }).job;
    expect(calls[0]!.arg).toEqual({ ...ARGS, job });

    await vi.advanceTimersByTimeAsync(PROGRESS_POLL_MS);
    expect(heard).toEqual([]); // not started yet: nothing to say
    progress = { done: 120, total: 10_000 };
    await vi.advanceTimersByTimeAsync(PROGRESS_POLL_MS);
    expect(heard).toEqual([{ done: 120, total: 10_000 }]);
    expect(calls.filter((call) => call.method === 'exportProgress').map((call) => call.arg)).toEqual([{ job }, { job }]);

    finish({ ok: false, error: { code: 'internal', message: 'boom' } });
    await running.result;
    await vi.advanceTimersByTimeAsync(PROGRESS_POLL_MS * 4);
    expect(calls.filter((call) => call.method === 'exportProgress')).toHaveLength(2);
  });

  it('is stopped by cancel, and then says nothing was saved', async () => {
    const running = startExport(ARGS, () => undefined);
    running.cancel();
    const job = (calls[0]!.arg as { job: string }).job;
    expect(calls.at(-1)).toEqual({ method: 'cancelExport', arg: { job } });
    finish({ ok: false, error: { code: 'cancelled', message: 'The export was cancelled.' } });
    expect(await saveExport(running, ARGS)).toEqual({ ok: false, error: { code: 'cancelled', message: 'Export cancelled: nothing was saved.' } });
  });

  it('passes any other failure on as the main side worded it', async () => {
    const running = startExport(ARGS, () => undefined);
    const failure = { ok: false, error: { code: 'unavailable', message: 'No Chromium was found to print the PDF.' } } as const;
    finish(failure);
    expect(await saveExport(running, ARGS)).toEqual(failure);
  });

  it('gets each job a name of its own', () => {
    startExport(ARGS, () => undefined);
    startExport(ARGS, () => undefined);
    const [a, b] = calls.map((call) => (call.arg as { job: string }).job);
    expect(a).not.toBe(b);
  });
});

describe('words for an export', () => {
  it.each([
    [null, 'Preparing the export…'],
    [{ done: 0, total: 0 }, 'Preparing the export…'],
    [{ done: 120, total: 10_000 }, 'Reading 120 of 10,000 articles…'],
    [{ done: 0, total: 1 }, 'Reading 0 of 1 article…'],
    [{ done: 3, total: 3 }, 'Writing the file…'],
  ])('progress %j reads "%s"', (value, text) => {
    expect(progressText(value)).toBe(text);
  });

  it.each([
    ['source', 'md', { sources: 3, highlights: 12, claims: 0 }, '3 sources, 12 highlights'],
    ['source', 'html', { sources: 1, highlights: 1, claims: 0 }, '1 source, 1 highlight'],
    ['claim', 'md', { sources: 3, highlights: 5, claims: 2 }, '2 claims, 3 sources, 5 highlights'],
    ['source', 'bibtex', { sources: 4, highlights: 9, claims: 0 }, '4 sources'],
  ] as const)('%s, %s: %j reads "%s"', (shape, format, summary, text) => {
    expect(summaryText(summary, { shape, format })).toBe(text);
  });
});
