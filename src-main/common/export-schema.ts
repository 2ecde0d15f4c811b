/**
 * What an export is asked for (the app's dialog, the command line): a scope, a shape, a
 * format, a citation style and what to include. Shared so the window and the main side check
 * the same things.
 */
import { z } from './zod';
import { articleIdSchema, tagSchema } from './schema';
import { claimIdSchema } from './research-schema';

/** Report formats, then bibliography-only formats, then exchange formats (whole records, for other notebooks and tools). */
export const EXPORT_FORMATS = ['md', 'html', 'pdf', 'docx', 'csv', 'w3c', 'bibtex', 'ris', 'csl-json', 'bundle', 'qdpx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Formats that carry records whole: the report's shape and "include" options do not apply. */
export const EXCHANGE_FORMATS: readonly ExportFormat[] = ['bundle', 'qdpx'];

export const CITATION_STYLE_KEYS = ['apa', 'chicago', 'mla', 'harvard'] as const;

/** How each citation style is named to a person (the export dialog, the command line). */
export const CITATION_STYLE_NAMES: Record<(typeof CITATION_STYLE_KEYS)[number], string> = {
  apa: 'APA 7th edition',
  chicago: 'Chicago author-date',
  mla: 'MLA 9th edition',
  harvard: 'Harvard (Cite Them Right)',
};
export const REPORT_SHAPES = ['source', 'claim'] as const;

/** How each format is named to a person, and the file name's extension. */
export const FORMAT_INFO: Record<ExportFormat, { label: string; extension: string; mimeType: string; binary: boolean }> = {
  md: { label: 'Markdown', extension: 'md', mimeType: 'text/markdown; charset=utf-8', binary: false },
  html: { label: 'HTML (one file)', extension: 'html', mimeType: 'text/html; charset=utf-8', binary: false },
  pdf: { label: 'PDF', extension: 'pdf', mimeType: 'application/pdf', binary: true },
  docx: { label: 'Word (.docx)', extension: 'docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', binary: true },
  csv: { label: 'CSV (one row per highlight)', extension: 'csv', mimeType: 'text/csv; charset=utf-8', binary: false },
  w3c: { label: 'W3C Web Annotation (JSON-LD)', extension: 'jsonld', mimeType: 'application/ld+json', binary: false },
  bibtex: { label: 'Bibliography: BibTeX', extension: 'bib', mimeType: 'application/x-bibtex; charset=utf-8', binary: false },
  ris: { label: 'Bibliography: RIS', extension: 'ris', mimeType: 'application/x-research-info-systems; charset=utf-8', binary: false },
  'csl-json': { label: 'Bibliography: CSL-JSON', extension: 'json', mimeType: 'application/vnd.citationstyles.csl+json', binary: false },
  bundle: { label: 'Notebook bundle (for another Marginalia)', extension: 'marginalia.json', mimeType: 'application/json', binary: false },
  qdpx: { label: 'REFI-QDA project (NVivo, ATLAS.ti, MAXQDA)', extension: 'qdpx', mimeType: 'application/zip', binary: true },
};

export const exportScopeSchema = z
  .object({
    articleIds: z.array(articleIdSchema).max(100_000).default([]),
    tags: z.array(tagSchema).max(100).default([]),
    claimIds: z.array(z.string().pipe(claimIdSchema)).max(100_000).default([]),
  })
  .strict();

export const exportArgs = z
  .object({
    scope: exportScopeSchema.default({ articleIds: [], tags: [], claimIds: [] }),
    shape: z.enum(REPORT_SHAPES, { error: 'shape must be "source" or "claim"' }).default('source'),
    format: z.enum(EXPORT_FORMATS, { error: `format must be one of ${EXPORT_FORMATS.join(', ')}` }),
    style: z.enum(CITATION_STYLE_KEYS, { error: `style must be one of ${CITATION_STYLE_KEYS.join(', ')}` }).default('apa'),
    options: z
      .object({ comments: z.boolean().default(true), notes: z.boolean().default(true), needsReview: z.boolean().default(true) })
      .strict()
      .default({ comments: true, notes: true, needsReview: true }),
    /** CSV: begin with a byte order mark, so Excel reads the file as UTF-8. */
    excel: z.boolean().default(false),
    /** REFI-QDA: also code each highlight with its colour's meaning. */
    colorCodes: z.boolean().default(false),
    /** Names this export, so `exportProgress` and `cancelExport` can find it while it runs. */
    job: z.string().min(1).max(100).optional(),
  })
  .strict();

export const exportJobArgs = z.object({ job: z.string().min(1).max(100) }).strict();

/** A finished export: the file's name and content (base64 for PDF and Word). */
export interface ExportResult {
  fileName: string;
  mimeType: string;
  encoding: 'utf8' | 'base64';
  content: string;
  /** What it holds, for the message after saving. */
  summary: { sources: number; highlights: number; claims: number };
}

/** The start of what an export would hold, for the dialog's preview. */
export interface ExportPreview {
  /** A self-contained HTML page (no script), or plain text shown as is. */
  kind: 'html' | 'text';
  content: string;
  summary: ExportResult['summary'];
}
