/**
 * The export calls: a report (or a bibliography) of a scope, in one format, as a file. The
 * report is built once (report-model.ts) and handed to the format's renderer; PDF is the HTML
 * report printed by the host (`printPdf`). Exports only read: they run beside writes, never
 * in the write queue.
 *
 * Where the work runs: in the app, a worker thread (export-thread.ts) that reads the notebook
 * folder itself, read only, once every write so far is on disk: citeproc's first use of a
 * style (~1 s) and rendering a 10,000-article report (seconds) never hold up the window's
 * calls. In unit tests and the command line, this thread. A named job can be followed and
 * cancelled while it runs.
 */
import type { NotebookHandlers } from '../../common/api';
import { EXCHANGE_FORMATS, FORMAT_INFO, type ExportFormat, type ExportPreview, type ExportResult } from '../../common/export-schema';
import { bundleOf } from '../exchange/bundle/bundle-of';
import { writeBundle } from '../exchange/bundle/bundle-format';
import { exchangeRecords, type ReadRecords } from '../exchange/exchange-records';
import type { Annotation, Article } from '../../common/model';
import { buildQdpx } from '../exchange/qdpx/write-qdpx';
import { describeQdpx } from '../exchange/qdpx/describe-qdpx';
import { NotebookError } from '../../common/errors';
import { bibliographyFile } from './citations';
import { reportToCsv } from './csv-report';
import { reportToDocx } from './docx-report';
import { reportToHtml } from './html-report';
import { reportToMarkdown } from './markdown-report';
import type { Report } from './report';
import { buildReport, type BuildOptions, type ReportData } from './report-model';
import { reportToW3cJson } from './w3c-annotations';

type ExportHandlers = Pick<NotebookHandlers, 'exportReport' | 'previewExport' | 'exportProgress' | 'cancelExport'>;

/** What an export is asked for, once checked (the exportArgs schema's output, without the job name). */
export type ExportRequest = Pick<BuildOptions, 'scope' | 'shape' | 'style' | 'options' | 'recordsOnly'> & { format: ExportFormat; excel: boolean; colorCodes?: boolean };

/** A finished export before it is sent: PDF still to be printed by the host. */
export interface ProducedExport {
  fileName: string;
  summary: ExportResult['summary'];
  body: string | Uint8Array | { printHtml: string };
}

/** Sources or claims a preview shows. */
const PREVIEW_ITEMS = 3;
/** Characters of a text preview. */
const PREVIEW_CHARS = 12_000;

/** A file name from the scope: "alliance — claims — 2026-11-30.md", safe on every system. */
export function exportFileName(report: Pick<Report, 'scopeLabel' | 'shape' | 'generatedAt'>, format: ExportFormat): string {
  const what =
    format === 'bibtex' || format === 'ris' || format === 'csl-json'
      ? 'bibliography'
      : format === 'bundle'
        ? 'bundle'
        : format === 'qdpx'
          ? 'QDA project'
          : report.shape === 'claim'
            ? 'claims'
            : 'sources';
  // Characters no file system takes in a name, and control characters, become "-".
  const safe = [...report.scopeLabel].map((char) => (char.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(char) ? '-' : char)).join('');
  const label = safe.replace(/\s+/g, ' ').trim().slice(0, 80) || 'export';
  return `${label} — ${what} — ${report.generatedAt.slice(0, 10)}.${FORMAT_INFO[format].extension}`;
}

const summaryOf = (report: Report): ExportResult['summary'] => ({
  sources: report.sources.length,
  highlights: report.sources.reduce((sum, source) => sum + source.highlights.length, 0),
  claims: report.claims.length,
});

async function render(data: ReportData, report: Report, request: ExportRequest, read: ReadRecords = new Map()): Promise<ProducedExport['body']> {
  const { format, excel } = request;
  switch (format) {
    case 'md':
      return reportToMarkdown(report);
    case 'html':
      return reportToHtml(report);
    case 'pdf':
      return { printHtml: reportToHtml(report) };
    case 'docx':
      return reportToDocx(report);
    case 'csv':
      return reportToCsv(report, { excel });
    case 'w3c':
      return reportToW3cJson(report, { generator: { id: 'urn:marginalia:app', name: 'Marginalia' } });
    case 'bibtex':
    case 'ris':
    case 'csl-json': {
      const metas = new Map(data.articleMetas().map((meta) => [meta.id, meta]));
      return bibliographyFile(report.sources.flatMap((source) => metas.get(source.id) ?? []), format);
    }
    case 'bundle': {
      const { snapshot, deletions } = await exchangeRecords(data, report, request.scope, report.generatedAt, read);
      return writeBundle(bundleOf(snapshot, deletions, report.scopeLabel));
    }
    case 'qdpx': {
      const { snapshot } = await exchangeRecords(data, report, request.scope, report.generatedAt, read);
      return buildQdpx(snapshot, { colorCodes: request.colorCodes ?? false });
    }
  }
}

/** An exchange format carries every highlight in scope, with its comment and notes: nothing is left out. */
const forFormat = (request: ExportRequest): ExportRequest =>
  EXCHANGE_FORMATS.includes(request.format) ? { ...request, shape: 'source', options: { comments: true, notes: true, needsReview: true }, recordsOnly: true } : request;

/** Builds and renders one export from `data` (on whichever thread calls it). */
export async function produceExport(
  data: ReportData,
  asked: ExportRequest,
  run: { now: () => Date; onProgress?: (done: number, total: number) => void; signal?: AbortSignal },
): Promise<ProducedExport> {
  const request = forFormat(asked);
  const { format } = request;
  // The exchange formats carry the articles the report reads: kept as read, so none is read twice.
  const read = new Map<string, { article: Article; annotations: readonly Annotation[] }>();
  const keep = request.recordsOnly ? (record: { article: Article; annotations: readonly Annotation[] }) => void read.set(record.article.id, record) : undefined;
  const report = await buildReport(data, { ...request, ...run, ...(keep ? { onRecord: keep } : {}) });
  const body = await render(data, report, request, read);
  if (run.signal?.aborted) throw new NotebookError('cancelled', 'The export was cancelled.');
  return { fileName: exportFileName(report, format), summary: summaryOf(report), body };
}

/** The start of an export, for the dialog: HTML for the page formats, else the text itself. */
export async function producePreview(data: ReportData, asked: ExportRequest, now: () => Date): Promise<ExportPreview> {
  const request = forFormat(asked);
  const { format } = request;
  const report = await buildReport(data, { ...request, now, limit: PREVIEW_ITEMS });
  if (format === 'html' || format === 'pdf' || format === 'docx') return { kind: 'html', content: reportToHtml(report), summary: summaryOf(report) };
  if (format === 'qdpx') {
    const { snapshot } = await exchangeRecords(data, report, request.scope, report.generatedAt, new Map());
    return { kind: 'text', content: describeQdpx(snapshot, { colorCodes: request.colorCodes ?? false }), summary: summaryOf(report) };
  }
  const text = await render(data, report, request);
  // A bundle is written compact (it can be hundreds of megabytes); its preview is for reading.
  const content = typeof text !== 'string' ? '' : format === 'bundle' ? JSON.stringify(JSON.parse(text), null, 2) : text;
  return { kind: 'text', content: content.length > PREVIEW_CHARS ? `${content.slice(0, PREVIEW_CHARS)}\n…` : content, summary: summaryOf(report) };
}

/** Runs exports and previews: on this thread, or in the export worker. */
export interface ExportRunner {
  export(request: ExportRequest, onProgress: (done: number, total: number) => void, signal: AbortSignal): Promise<ProducedExport>;
  preview(request: ExportRequest): Promise<ExportPreview>;
  close(): Promise<void>;
}

export function inProcessRunner(data: ReportData, now: () => Date): ExportRunner {
  return {
    export: (request, onProgress, signal) => produceExport(data, request, { now, onProgress, signal }),
    preview: (request) => producePreview(data, request, now),
    close: async () => undefined,
  };
}

export interface ExporterOptions {
  runner: ExportRunner;
  /** Prints a self-contained HTML page to PDF (the desktop app's window, or a Chromium). */
  printPdf: (html: string, signal: AbortSignal) => Promise<Uint8Array>;
}

export function createExporter({ runner, printPdf }: ExporterOptions): ExportHandlers {
  const jobs = new Map<string, { controller: AbortController; done: number; total: number }>();

  return {
    async exportReport({ job, ...request }) {
      if (job && jobs.has(job)) throw new NotebookError('invalid_argument', `An export named ${job} is already running.`);
      const controller = new AbortController();
      const progress = { controller, done: 0, total: 0 };
      if (job) jobs.set(job, progress);
      try {
        const produced = await runner.export(request, (done, total) => Object.assign(progress, { done, total }), controller.signal);
        const body = typeof produced.body === 'object' && 'printHtml' in produced.body ? await printPdf(produced.body.printHtml, controller.signal) : produced.body;
        if (controller.signal.aborted) throw new NotebookError('cancelled', 'The export was cancelled.');
        const binary = typeof body !== 'string';
        return {
          fileName: produced.fileName,
          mimeType: FORMAT_INFO[request.format].mimeType,
          encoding: binary ? 'base64' : 'utf8',
          content: binary ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('base64') : body,
          summary: produced.summary,
        };
      } finally {
        if (job) jobs.delete(job);
      }
    },

    previewExport: ({ job: _job, ...request }) => runner.preview(request),

    async exportProgress({ job }) {
      const running = jobs.get(job);
      return running ? { done: running.done, total: running.total } : null;
    },

    async cancelExport({ job }) {
      const running = jobs.get(job);
      running?.controller.abort();
      return { cancelled: running !== undefined };
    },
  };
}
