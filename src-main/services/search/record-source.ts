/**
 * Reads record files for the search index without going through the store's cache: building
 * the index touches every article once, and keeping them all in memory afterwards would cost
 * more than the index itself. A file is validated as the store validates it. (Notes the index
 * asks the store for: see search-worker.ts.)
 */
import { join } from 'node:path';
import { z } from '../../common/zod';
import { canonicalText } from '../../common/anchoring/canonical-text';
import type { Claim } from '../../common/model';
import { claimSchema } from '../../common/research-schema';
import { fileStamp } from '../../store/file-stamp';
import { articleFileName, articleFileSchema, CLAIMS_DIR, NOTES_DIR, type ArticleRecord } from '../../store/notebook-files';
import { ValidatedJsonFile } from '../../store/validated-json-file';
import type { IndexedArticle } from './search-protocol';

const claimFileSchema = z.object({ schemaVersion: z.number().int(), record: claimSchema });

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

/** The claim in `claims/<id>.json`, or null when the file is gone or cannot be read. */
export async function readClaimRecord(dir: string, id: string): Promise<Claim | null> {
  try {
    return (await new ValidatedJsonFile(join(dir, CLAIMS_DIR, `${id}.json`), claimFileSchema).read())?.record ?? null;
  } catch {
    return null;
  }
}

const pathOf = (dir: string, kind: 'article' | 'claim' | 'note', id: string) =>
  kind === 'article' ? join(dir, articleFileName(id)) : join(dir, kind === 'claim' ? CLAIMS_DIR : NOTES_DIR, `${id}.json`);

/** The stamp of a record's file as it is now (see store/file-stamp.ts); null when there is none. */
export const recordStamp = (dir: string, kind: 'article' | 'claim' | 'note', id: string): Promise<string | null> => fileStamp(pathOf(dir, kind, id));

export const textOfRecord = (record: IndexedArticle): string => canonicalText(record.article.doc);
