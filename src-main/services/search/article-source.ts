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
import type { IndexedArticle } from './search-protocol';

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

export const textOfRecord = (record: IndexedArticle): string => canonicalText(record.article.doc);
