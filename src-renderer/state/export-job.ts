/**
 * One export as the dialog runs it: `exportReport` under a fresh job name, its progress read
 * every quarter second while it runs (exports only read, so these calls never wait behind
 * it), and a way to stop it. The finished file is downloaded (export-download.ts) and named
 * in the status line.
 */
import type { ApiResponse } from '../../src-main/common/api';
import type { ExportResult } from '../../src-main/common/export-schema';
import { counted, formatCount } from '../../src-main/common/counted';
import { notebook } from '../notebook-client';
import type { ExportArgs } from './export-dialog-store';
import { downloadExport } from './export-download';
import { report } from './status-store';

/** How often a running export is asked how far it has come. */
export const PROGRESS_POLL_MS = 250;

export interface ExportProgress {
  done: number;
  total: number;
}

export interface RunningExport {
  /** The file, or why there is none (`cancelled` after `cancel`). */
  result: Promise<ApiResponse<ExportResult>>;
  /** Asks the main side to stop; `result` then answers `cancelled`. */
  cancel(): void;
}

let started = 0;
const newJobName = () => `export-${Date.now().toString(36)}-${(started += 1)}`;

/** Starts an export; `onProgress` hears how many articles are read, until it ends. */
export function startExport(args: ExportArgs, onProgress: (progress: ExportProgress) => void): RunningExport {
  const job = newJobName();
  let running = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const poll = () => {
    timer = setTimeout(async () => {
      const answer = await notebook.exportProgress({ job });
      if (!running) return;
      if (answer.ok && answer.value) onProgress(answer.value);
      poll();
    }, PROGRESS_POLL_MS);
  };
  poll();
  const result = notebook.exportReport({ ...args, job }).finally(() => {
    running = false;
    clearTimeout(timer);
  });
  return { result, cancel: () => void notebook.cancelExport({ job }) };
}

/** "3 sources, 12 highlights"; by claim "2 claims, …"; a bibliography counts its sources. */
export function summaryText(summary: ExportResult['summary'], args: Pick<ExportArgs, 'shape' | 'format'>): string {
  const sources = counted(summary.sources, 'source');
  if (args.format === 'bibtex' || args.format === 'ris' || args.format === 'csl-json') return sources;
  const parts = [sources, counted(summary.highlights, 'highlight')];
  return (args.shape === 'claim' ? [counted(summary.claims, 'claim'), ...parts] : parts).join(', ');
}

/** How far a running export is, in words. */
export function progressText(progress: ExportProgress | null): string {
  if (!progress || progress.total === 0) return 'Preparing the export…';
  if (progress.done >= progress.total) return 'Writing the file…';
  return `Reading ${formatCount(progress.done)} of ${counted(progress.total, 'article')}…`;
}

/**
 * Waits for the export, downloads the file and says what it holds in the status line. A
 * cancelled export answers a sentence saying nothing was saved.
 */
export async function saveExport(running: RunningExport, args: ExportArgs): Promise<ApiResponse<ExportResult>> {
  const answer = await running.result;
  if (!answer.ok) {
    if (answer.error.code !== 'cancelled') return answer;
    return { ok: false, error: { code: 'cancelled', message: 'Export cancelled: nothing was saved.' } };
  }
  downloadExport(answer.value);
  report(`Exported ${answer.value.fileName} (${summaryText(answer.value.summary, args)})`);
  return answer;
}
