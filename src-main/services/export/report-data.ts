/**
 * Where a report reads the notebook from: the open store (the app and browser mode, which
 * hold the folder), or the folder itself, read only (the command line, which may run while
 * the app has the notebook open, and must never write into it).
 */
import { access } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from '../../common/zod';
import { NotebookError } from '../../common/errors';
import type { Annotation, Article } from '../../common/model';
import { noteSchema } from '../../common/research-schema';
import { AppendLog } from '../../store/append-log';
import { deletionLog } from '../../store/deletion-log';
import { applyEntry, journalEntrySchema, JOURNAL_FILE } from '../../store/metadata-journal';
import { NOTEBOOK_FILE, NOTES_DIR, articleFileName, articleFileSchema, notebookFileSchema } from '../../store/notebook-files';
import type { NotebookStore } from '../../store/notebook-store';
import { UnreadableFileError, ValidatedJsonFile } from '../../store/validated-json-file';
import type { ReportData, TaggedHighlight } from './report-model';

export function storeReportData(store: NotebookStore): ReportData {
  return {
    notebookName: basename(store.dir),
    readNote: (id) => store.readNote(id),
    deletions: async () => [...(await store.deletions.read()).values()],
    legend: () => store.legend(),
    articleMetas: () => store.articleMetas(),
    claims: () => store.claims(),
    noteMetas: () => store.noteMetas(),
    readArticle: (id) => store.viewRecord(id),
    readNoteBody: async (id) => (await store.readNote(id)).body,
    taggedHighlights: () => store.taggedHighlights(),
  };
}

const noteFileSchema = z.object({ schemaVersion: z.number().int(), record: noteSchema });

/** A file of the notebook that cannot be read: said in words, and nothing is moved or mended. */
function unreadable(error: unknown): never {
  if (error instanceof UnreadableFileError) throw new NotebookError('storage', `${error.path} could not be read (${error.reason}).`);
  throw error;
}

/**
 * The notebook in `dir` as its files hold it now, without opening it: notebook.json with its
 * journal replayed in memory, and each record file when the report needs it. Nothing is
 * locked, written, migrated on disk or set aside. `known.tagged`, the tagged highlights as the
 * open store holds them, spares reading every article for a tag scope.
 */
export async function folderReportData(dir: string, known: { tagged?: readonly TaggedHighlight[] } = {}): Promise<ReportData> {
  const indexPath = join(dir, NOTEBOOK_FILE);
  await access(indexPath).catch(() => {
    throw new NotebookError('not_found', `${dir} is not a Marginalia notebook (it has no ${NOTEBOOK_FILE}).`);
  });
  const index = await new ValidatedJsonFile(indexPath, notebookFileSchema).read().catch(unreadable);
  if (!index) throw new NotebookError('not_found', `${dir} is not a Marginalia notebook (it has no ${NOTEBOOK_FILE}).`);
  // A line the app is appending right now may be cut short: it is skipped, as on open.
  for (const line of await new AppendLog(join(dir, JOURNAL_FILE)).read()) {
    const entry = journalEntrySchema.safeParse(line);
    if (entry.success) applyEntry(index, entry.data);
  }

  const readArticle = async (id: string): Promise<{ article: Article; annotations: readonly Annotation[] }> => {
    const file = await new ValidatedJsonFile(join(dir, articleFileName(id)), articleFileSchema).read().catch(unreadable);
    if (!file) throw new NotebookError('not_found', `The file of article ${id} is missing from ${dir}.`);
    return { article: file.article, annotations: file.annotations };
  };
  const readNote = async (id: string) => {
    const file = await new ValidatedJsonFile(join(dir, NOTES_DIR, `${id}.json`), noteFileSchema).read().catch(unreadable);
    if (!file) throw new NotebookError('not_found', `The file of note ${id} is missing from ${dir}.`);
    return file.record;
  };
  return {
    notebookName: basename(dir),
    readNote,
    deletions: async () => [...(await deletionLog(dir).read()).values()],
    legend: () => ({ ...index.legend }),
    articleMetas: () => index.articles,
    claims: () => index.claims,
    noteMetas: () => index.notes,
    readArticle,
    readNoteBody: async (id) => (await readNote(id)).body,
    async taggedHighlights() {
      if (known.tagged) return known.tagged;
      const tagged = [];
      for (const meta of index.articles) {
        const { annotations } = await readArticle(meta.id);
        for (const annotation of annotations) if (annotation.tags.length > 0) tagged.push({ annotationId: annotation.id, articleId: meta.id, tags: annotation.tags });
      }
      return tagged;
    },
  };
}
