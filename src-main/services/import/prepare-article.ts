/**
 * One import, from what arrived to a body ready to store: bytes are size-checked and decoded,
 * then each format goes through its pipeline (text, Markdown, HTML, PDF). Nothing is stored
 * here, so a failure at any step leaves the notebook as it was.
 */
import type { ApiParsedArg } from '../../common/api';
import { NotebookError } from '../../common/errors';
import { base64Size, EMPTY_FILE_MESSAGE, IMPORT_LIMITS, tooLargeMessage } from '../../common/import-limits';
import type { ArticleFormat } from '../../common/model';
import { MAX_TITLE } from '../../common/schema';
import { bodyOfDoc, buildArticleBody, shorten } from '../article-body';
import type { ImportExtras, NewArticle } from '../library';
import { decodeText } from './decode-text';
import { htmlToArticle } from './html-to-article';
import { pdfToArticle } from './pdf-to-article';

export interface ImportInput {
  format: ArticleFormat;
  /** Text as typed or pasted, or the bytes of a file or download. */
  content: string | Uint8Array;
  title?: string | undefined;
  source?: string | undefined;
  url?: string | undefined;
  fileName?: string | undefined;
  /** A charset named outside the bytes (an HTTP header). */
  charset?: string | undefined;
}

/** A body ready to store, and what the person should know about how it was read. */
export type PreparedArticle = NewArticle & {
  /** Said in the import report: the page was kept whole without reader mode, or flattened. */
  notice?: string;
};

export const NO_TEXT_MESSAGE = 'This file is not an article: it has no readable text.';

/** The input an `importArticle` call carries, with base64 content turned back into bytes. */
export function inputOfArg(arg: ApiParsedArg<'importArticle'>): ImportInput {
  const { format, content, encoding, title, source, url, fileName } = arg;
  if (encoding !== 'base64') return { format, content, title, source, url, fileName };
  // Refused before decoding: a file over the limit is never copied into memory a second time.
  const size = base64Size(content);
  if (size > IMPORT_LIMITS[format]) throw new NotebookError('invalid_argument', tooLargeMessage(format, size));
  return { format, content: Buffer.from(content, 'base64'), title, source, url, fileName };
}

export async function prepareArticle(input: ImportInput): Promise<PreparedArticle> {
  const { format, content } = input;
  if (typeof content !== 'string') {
    if (content.length === 0) throw new NotebookError('invalid_argument', EMPTY_FILE_MESSAGE);
    if (content.length > IMPORT_LIMITS[format]) throw new NotebookError('invalid_argument', tooLargeMessage(format, content.length));
  }
  const extras: ImportExtras = {};
  if (input.url) extras.url = input.url;
  if (input.fileName) extras.fileName = input.fileName;
  const source = input.source || input.url || input.fileName || PASTED[format];
  const textOf = (html = false) => (typeof content === 'string' ? content : decodeText(content, { html, charset: input.charset }));

  switch (format) {
    case 'text':
    case 'markdown': {
      const text = textOf();
      const body = withReadableText(() => buildArticleBody(format, text), typeof content !== 'string');
      return { format, body, title: input.title, source, extras };
    }
    case 'html': {
      const page = await htmlToArticle(textOf(true), input.url);
      const { title, html, doc, notice, ...meta } = page;
      for (const [key, value] of Object.entries(meta)) if (value !== undefined) Object.assign(extras, { [key]: value });
      return { format, body: bodyOfDoc(doc, html), title: input.title ?? clipTitle(title), source, extras, ...(notice ? { notice } : {}) };
    }
    case 'pdf': {
      if (typeof content === 'string') throw new NotebookError('invalid_argument', 'A PDF must be sent as its bytes (base64).');
      const pdf = await pdfToArticle(content);
      if (pdf.lang) extras.lang = pdf.lang;
      return { format, body: bodyOfDoc(pdf.doc, pdf.text), title: input.title ?? clipTitle(pdf.title), source, extras };
    }
  }
}

const PASTED: Record<ArticleFormat, string> = {
  text: 'Pasted text',
  markdown: 'Pasted Markdown',
  html: 'Pasted web page',
  pdf: 'PDF',
};

/** A file with no words gets a message about the file; pasted text keeps the paste message. */
function withReadableText<T>(build: () => T, fromFile: boolean): T {
  try {
    return build();
  } catch (error) {
    if (fromFile && error instanceof NotebookError) throw new NotebookError(error.code, NO_TEXT_MESSAGE);
    throw error;
  }
}

function clipTitle(title: string | undefined): string | undefined {
  return title ? shorten(title, MAX_TITLE) : undefined;
}
