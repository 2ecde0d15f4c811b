/**
 * The export calls: a report (or a bibliography) of a scope, in one format, as a file. The
 * report is built once (report-model.ts) and handed to the format's renderer; PDF is the HTML
 * report printed by the host (`printPdf`). Exports only read: they run beside writes, never
 * in the write queue. A named job can be followed and cancelled while it runs.
 */
import type { NotebookHandlers } from '../../common/api';
import { FORMAT_INFO, type ExportFormat, type ExportResult } from '../../common/export-schema';
import { NotebookError } from '../../common/errors';
import { bibliographyFile, type BibliographyFormat } from './citations';
import { reportToCsv } from './csv-report';
import { reportToDocx } from './docx-report';
import { reportToHtml } from './html-report';
import { reportToMarkdown } from './markdown-report';
import type { Report } from './report';
import { buildReport, type ReportData } from './report-model';
import { reportToW3cJson } from './w3c-annotations';

type ExportHandlers = Pick<NotebookHandlers, 'exportReport' | 'previewExport' | 'exportProgress' | 'cancelExport'>;

export interface ExporterOptions {
  data: ReportData;
  now: () => Date;
  /** Prints a self-contained HTML page to PDF (the desktop app's window, or a Chromium). */
  printPdf: (html: string, signal: AbortSignal) => Promise<Uint8Array>;
}

/** Sources or claims a preview shows. */
const PREVIEW_ITEMS = 3;
/** Characters of a text preview. */
const PREVIEW_CHARS = 12_000;

const BIBLIOGRAPHIES: readonly string[] = ['bibtex', 'ris', 'csl-json'] satisfies BibliographyFormat[];

/** A file name from the scope: "alliance — claims — 2026-11-30.md", safe on every system. */
export function exportFileName(report: Pick<Report, 'scopeLabel' | 'shape' | 'generatedAt'>, format: ExportFormat): string {
  const what = BIBLIOGRAPHIES.includes(format) ? 'bibliography' : report.shape === 'claim' ? 'claims' : 'sources';
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

export function createExporter({ data, now, printPdf }: ExporterOptions): ExportHandlers {
  const jobs = new Map<string, { controller: AbortController; done: number; total: number }>();

  async function render(report: Report, format: ExportFormat, excel: boolean, signal: AbortSignal): Promise<string | Uint8Array> {
    switch (format) {
      case 'md':
        return reportToMarkdown(report);
      case 'html':
        return reportToHtml(report);
      case 'pdf':
        return printPdf(reportToHtml(report), signal);
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
    }
  }

  return {
    async exportReport({ job, format, excel, ...request }) {
      if (job && jobs.has(job)) throw new NotebookError('invalid_argument', `An export named ${job} is already running.`);
      const controller = new AbortController();
      const progress = { controller, done: 0, total: 0 };
      if (job) jobs.set(job, progress);
      try {
        const report = await buildReport(data, {
          ...request,
          now,
          signal: controller.signal,
          onProgress: (done, total) => Object.assign(progress, { done, total }),
        });
        const content = await render(report, format, excel, controller.signal);
        if (controller.signal.aborted) throw new NotebookError('cancelled', 'The export was cancelled.');
        const binary = typeof content !== 'string';
        return {
          fileName: exportFileName(report, format),
          mimeType: FORMAT_INFO[format].mimeType,
          encoding: binary ? 'base64' : 'utf8',
          content: binary ? Buffer.from(content).toString('base64') : content,
          summary: summaryOf(report),
        };
      } finally {
        if (job) jobs.delete(job);
      }
    },

    async previewExport({ job: _job, format, excel, ...request }) {
      const report = await buildReport(data, { ...request, now, limit: PREVIEW_ITEMS });
      if (format === 'html' || format === 'pdf' || format === 'docx') return { kind: 'html', content: reportToHtml(report), summary: summaryOf(report) };
      const text = await render(report, format, excel, new AbortController().signal);
      const content = typeof text === 'string' ? text : '';
      return { kind: 'text', content: content.length > PREVIEW_CHARS ? `${content.slice(0, PREVIEW_CHARS)}\n…` : content, summary: summaryOf(report) };
    },

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
