/**
 * What an import accepts: the file types and the size limit of each. Shared by the renderer
 * (which checks a file's size before reading it) and the main side (which checks again).
 */
import type { ArticleFormat } from './model';

/** Largest file accepted per format, in bytes (1 MB = 1,000,000 bytes, as file managers show). */
export const IMPORT_LIMITS: Record<ArticleFormat, number> = {
  text: 5_000_000,
  markdown: 5_000_000,
  html: 20_000_000,
  pdf: 40_000_000,
};

/** The largest of the limits: what a web address may send before the download stops. */
export const LARGEST_IMPORT = Math.max(...Object.values(IMPORT_LIMITS));

const KIND: Record<ArticleFormat, string> = { text: 'text files', markdown: 'Markdown files', html: 'HTML files', pdf: 'PDF files' };

/** Largest exchange file accepted, in bytes (a whole notebook's bundle can be large). */
export const MAX_EXCHANGE_FILE = 200_000_000;

/** The file-picker filter for exchange files (see exchange-schema.ts). */
export const EXCHANGE_FILE_ACCEPT = '.json,.jsonld,.qdpx';

/** The file-picker filter for every importable type. */
export const IMPORT_FILE_ACCEPT = '.html,.htm,.xhtml,.txt,.text,.md,.markdown,.pdf';

const EXTENSIONS: [RegExp, ArticleFormat][] = [
  [/\.(html?|xhtml)$/i, 'html'],
  [/\.(txt|text)$/i, 'text'],
  [/\.(md|markdown)$/i, 'markdown'],
  [/\.pdf$/i, 'pdf'],
];

/** The import format for a file name, or undefined when Marginalia cannot import that type. */
export function formatOfFileName(name: string): ArticleFormat | undefined {
  return EXTENSIONS.find(([pattern]) => pattern.test(name))?.[1];
}

/** "212 MB", "4.2 MB", "950 KB": sizes as a person reads them. */
export function describeBytes(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.max(1, Math.round(bytes / 1000))} KB`;
  const mb = bytes / 1_000_000;
  return `${mb < 10 ? Math.round(mb * 10) / 10 : Math.round(mb)} MB`;
}

export interface TooLargeOptions {
  /** What is too large: a file (default) or a downloaded page. */
  what?: 'file' | 'page';
  /** The download stopped at the limit, so only a lower bound of the size is known. */
  stoppedEarly?: boolean;
}

/** The message for a file over its limit, naming both sizes. */
export function tooLargeMessage(format: ArticleFormat, bytes: number, options: TooLargeOptions = {}): string {
  const size = `${options.stoppedEarly ? 'more than ' : ''}${describeBytes(bytes)}`;
  return `This ${options.what ?? 'file'} is too large: ${size}; the limit for ${KIND[format]} is ${describeBytes(IMPORT_LIMITS[format])}.`;
}

export const UNSUPPORTED_FILE_MESSAGE = 'Marginalia cannot import this type of file: choose an .html, .txt, .md or .pdf file.';
export const EMPTY_FILE_MESSAGE = 'This file is empty.';

/** How many bytes a base64 text decodes to. */
export function base64Size(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((base64.length * 3) / 4) - padding);
}
