/**
 * What one import may cost, and what the person is told when a page costs more. The figures
 * come from bench/import-scale.bench.ts and the web-page corpus (31 real pages: at most 2,774
 * elements, nested at most 29 deep).
 */
import type { ArticleFormat } from '../../common/model';

export const PAGE_LIMITS = {
  /**
   * Elements nested deeper than this are flattened before the page is parsed (their words
   * stay; Chromium's parser does the same past 512).
   */
  depth: 256,
  /**
   * A page with more elements than this is refused before it is parsed: reading one takes about
   * 9 KB of memory per element at its peak (100,000: ~900 MB, 13 s on the loaded 2-core machine).
   */
  elements: 100_000,
  /**
   * Reader mode (Readability) runs on pages within these; it takes time that grows faster than
   * the page (1,000 nested divs: 56 s; a 10,000-row table: 8 s, in jsdom's live collections).
   */
  readerElements: 12_000,
  readerDepth: 64,
} as const;

/** The worker's budget for one import (see import-thread.ts). */
export const IMPORT_BUDGET = {
  /** Wall-clock time for one file or page, from when its work starts. */
  timeMs: 90_000,
  /** The import thread's JavaScript heap: room for the largest page PAGE_LIMITS lets through. */
  memoryMb: 1_536,
} as const;

const WHAT: Record<ArticleFormat, string> = { html: 'page', pdf: 'PDF', text: 'file', markdown: 'file' };

const ADVICE: Record<ArticleFormat, string> = {
  html: 'To keep part of it, select that part in your browser, copy it and paste it into New article; or print the page to PDF and import the PDF.',
  pdf: 'To keep part of it, print the pages you need to a new PDF and import that.',
  text: 'To keep part of it, split the file and import the parts.',
  markdown: 'To keep part of it, split the file and import the parts.',
};

/** "This page is too complex to import: it has 550,000 elements (…). To keep part of it, …" */
export function tooComplexMessage(format: ArticleFormat, why: string): string {
  return `This ${WHAT[format]} is too complex to import: ${why}. ${ADVICE[format]}`;
}

/** 550000 → "550,000". */
export const counted = (count: number) => count.toLocaleString('en');
