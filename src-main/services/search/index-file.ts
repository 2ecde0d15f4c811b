/**
 * The saved search index: `search-index/index.bin` in the notebook folder, written atomically.
 * It carries a format version and, for every record it holds, a stamp of the record as it was
 * indexed (the article file's modification time and size, a claim's or note's `updatedAt`),
 * so opening compares stamps and indexes again only what changed while it was closed.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from '../../common/zod';
import { writeFileAtomic } from '../../store/atomic-file';
import { savedTextsSchema, type SavedTexts } from './article-texts';
import { bytesInFile, type SavedBytes } from './saved-bytes';
import { SearchIndex } from './search-index';

export const INDEX_DIR = 'search-index';
const INDEX_FILE = 'index.bin';
/** Bump when the tokenizer, the ranking data or the file layout changes: old files are rebuilt. */
export const INDEX_VERSION = 2;

const extraSchema = z.object({
  version: z.literal(INDEX_VERSION),
  stamps: z.record(z.string(), z.string()),
  /** Where the articles' texts are (absent in indexes saved before they were kept). */
  texts: savedTextsSchema.optional(),
});

export interface SavedIndex {
  index: SearchIndex;
  stamps: Map<string, string>;
  texts?: SavedTexts | undefined;
}

/** The saved index, or null (with the reason) when there is none or it cannot be used. */
export async function loadIndex(dir: string): Promise<{ saved: SavedIndex | null; reason: string }> {
  let bytes: SavedBytes;
  try {
    // Read where it is (synchronously: the index lives in its worker thread), its posting
    // lists left in the file until a query needs them.
    bytes = bytesInFile(join(dir, INDEX_DIR, INDEX_FILE));
  } catch {
    return { saved: null, reason: 'no saved index' };
  }
  try {
    const { index, extra } = SearchIndex.open(bytes);
    const parsed = extraSchema.safeParse(extra);
    if (!parsed.success) {
      index.close();
      return { saved: null, reason: 'the saved index is from another version' };
    }
    return { saved: { index, stamps: new Map(Object.entries(parsed.data.stamps)), texts: parsed.data.texts }, reason: 'loaded' };
  } catch (error) {
    return { saved: null, reason: `the saved index could not be read (${(error as Error).message})` };
  }
}

/**
 * Saves the index as it is when called. The bytes are produced chunk by chunk as the file is
 * written, so indexing and searching go on meanwhile and never wait for a large save. Then
 * the index reads its posting lists from the saved file, and drops its copies of them.
 */
export async function saveIndex(dir: string, { index, stamps, texts }: SavedIndex): Promise<void> {
  const snapshot = index.snapshot({ version: INDEX_VERSION, stamps: Object.fromEntries(stamps), ...(texts ? { texts } : {}) });
  const path = join(dir, INDEX_DIR, INDEX_FILE);
  await mkdir(join(dir, INDEX_DIR), { recursive: true });
  await writeFileAtomic(path, snapshot.chunks());
  snapshot.adopt(bytesInFile(path));
}
