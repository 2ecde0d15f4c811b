/**
 * The export dialog: what it was opened on (a scope, named for the person) and the choices
 * made in it. Any feature opens it with `openExport`; App shows the one dialog. The format,
 * citation style and what to include are kept from one export to the next, as a person who
 * exported Markdown once expects Markdown again; the shape comes from where it was opened.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { z } from 'zod';
import type { ApiArg } from '../../src-main/common/api';
import type { CITATION_STYLE_KEYS, ExportFormat, exportScopeSchema, REPORT_SHAPES } from '../../src-main/common/export-schema';

/** Which articles, tags and claims to export; empty everywhere is the whole notebook. */
export type ExportScope = z.input<typeof exportScopeSchema>;
export type ReportShape = (typeof REPORT_SHAPES)[number];
export type CitationStyleKey = (typeof CITATION_STYLE_KEYS)[number];
export type ExportArgs = ApiArg<'exportReport'>;

export interface ExportRequest {
  /** Increases with every opening, so a new request starts a fresh dialog. */
  id: number;
  scope: ExportScope;
  /** The scope in words: "Tag: alliance", "3 picked articles", "Whole notebook". */
  label: string;
}

export interface ExportChoices {
  shape: ReportShape;
  format: ExportFormat;
  style: CitationStyleKey;
  comments: boolean;
  notes: boolean;
  needsReview: boolean;
  /** CSV only: a byte order mark, so Excel reads the file as UTF-8. */
  excel: boolean;
  /** REFI-QDA only: also code each highlight by its colour's meaning. */
  colorCodes: boolean;
}

export interface ExportDialogState {
  /** The export being set up, or null while the dialog is closed. */
  request: ExportRequest | null;
  choices: ExportChoices;
}

export const initialExportDialogState: ExportDialogState = {
  request: null,
  choices: { shape: 'source', format: 'md', style: 'apa', comments: true, notes: true, needsReview: true, excel: false, colorCodes: false },
};

export const exportDialogStore = createStore<ExportDialogState>(() => initialExportDialogState);

let opened = 0;

/** Opens the export dialog on `scope`, arranged by `shape`. */
export function openExport(scope: ExportScope, label: string, shape: ReportShape = 'source'): void {
  opened += 1;
  exportDialogStore.setState(({ choices }) => ({ request: { id: opened, scope, label }, choices: { ...choices, shape } }));
}

export function closeExport(): void {
  exportDialogStore.setState({ request: null });
}

export function setExportChoices(change: Partial<ExportChoices>): void {
  exportDialogStore.setState(({ choices }) => ({ choices: { ...choices, ...change } }));
}

/** The call's argument for these choices (the CSV byte order mark only for CSV, colour codes only for REFI-QDA). */
export function exportArgsOf(scope: ExportScope, choices: ExportChoices): ExportArgs {
  const { shape, format, style, comments, notes, needsReview, excel, colorCodes } = choices;
  return { scope, shape, format, style, options: { comments, notes, needsReview }, excel: format === 'csv' && excel, colorCodes: format === 'qdpx' && colorCodes };
}

export function useExportRequest(): ExportRequest | null {
  return useStore(exportDialogStore, (state) => state.request);
}

export function useExportChoices(): ExportChoices {
  return useStore(exportDialogStore, (state) => state.choices);
}
