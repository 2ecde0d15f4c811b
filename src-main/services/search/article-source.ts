/**
 * Reads an article's file for the search index without going through the store's cache:
 * building the index touches every article once, and keeping them all in memory afterwards
 * would cost more than the index itself. The file is validated as the store validates it.
 */
import { join } from 'node:path';
import { stat } from 'node:fs/promises';
import { canonicalText } from '../../common/anchoring/canonical-text';
import { articleFileName, articleFileSchema, type ArticleRecord } from '../../store/notebook-files';
import { ValidatedJsonFile } from '../../store/validated-json-file';

/** The article and its annotations, or null when the file is gone or cannot be read. */
export async function readArticleRecord(dir: string, id: string): Promise<ArticleRecord | null> {
  try {
    const file = await new ValidatedJsonFile(join(dir, articleFileName(id)), articleFileSchema).read();
    return file ? { article: file.article, annotations: file.annotations } : null;
  } catch {
    // The store quarantines and reports an unreadable file when the article is opened.
    return null;
  }
}

/** What changes whenever the article's file is rewritten (an annotation edit included). */
export async function articleStamp(dir: string, id: string): Promise<string | null> {
  try {
    const info = await stat(join(dir, articleFileName(id)));
    return `${info.mtimeMs}:${info.size}`;
  } catch {
    return null;
  }
}

/** A few recent articles' canonical text, so typing a query does not re-read them each key. */
export class TextCache {
  readonly #texts = new Map<string, string>();
  constructor(readonly limit = 32) {}

  get(id: string): string | undefined {
    const text = this.#texts.get(id);
    if (text !== undefined) {
      this.#texts.delete(id);
      this.#texts.set(id, text);
    }
    return text;
  }

  set(id: string, text: string): void {
    this.#texts.delete(id);
    this.#texts.set(id, text);
    if (this.#texts.size > this.limit) this.#texts.delete(this.#texts.keys().next().value!);
  }

  forget(id: string): void {
    this.#texts.delete(id);
  }
}

export const textOfRecord = (record: ArticleRecord): string => canonicalText(record.article.doc);
