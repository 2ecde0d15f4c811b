/**
 * The record files of a notebook folder as something outside Marginalia may change them: which
 * folders hold them, how one is read and checked without the store (the store would set a
 * half-written file aside), and what the store holds for the same record.
 */
import { join } from 'node:path';
import { z } from '../../common/zod';
import { NotebookError } from '../../common/errors';
import { revisionOf } from '../../common/merge/revisions';
import type { Claim, Note } from '../../common/model';
import { claimSchema, noteSchema } from '../../common/research-schema';
import { ARTICLES_DIR, CLAIMS_DIR, NOTES_DIR, articleFileSchema, type ArticleRecord, type Change } from '../../store/notebook-files';
import type { NotebookStore, StoreChange } from '../../store/notebook-store';
import { ValidatedJsonFile } from '../../store/validated-json-file';

/** The folders of one-record files, each with the kind of record it holds. */
export const RECORD_FOLDERS = [
  { kind: 'article', folder: ARTICLES_DIR },
  { kind: 'claim', folder: CLAIMS_DIR },
  { kind: 'note', folder: NOTES_DIR },
] as const;

export type FolderKind = (typeof RECORD_FOLDERS)[number]['kind'];

/** Where the file of a record is. */
export function recordFilePath(dir: string, kind: FolderKind, id: string): string {
  return join(dir, RECORD_FOLDERS.find((entry) => entry.kind === kind)!.folder, `${id}.json`);
}

/** One record as a file or the store holds it. */
export type RecordContent = { kind: 'article'; id: string; record: ArticleRecord } | { kind: 'claim'; id: string; record: Claim } | { kind: 'note'; id: string; record: Note };

// The same shapes the store reads (store/record-folder.ts builds these for notes and claims).
const claimFileSchema = z.object({ schemaVersion: z.number().int(), record: claimSchema });
const noteFileSchema = z.object({ schemaVersion: z.number().int(), record: noteSchema });

/**
 * Reads and checks a record file as the store would (an older format is migrated in memory);
 * null when there is no file. Throws `UnreadableFileError` for a file that is not a valid record.
 */
export async function readRecordFile(path: string, kind: FolderKind): Promise<RecordContent | null> {
  switch (kind) {
    case 'article': {
      const file = await new ValidatedJsonFile(path, articleFileSchema).read();
      return file && { kind, id: file.article.id, record: { article: file.article, annotations: file.annotations } };
    }
    case 'claim': {
      const file = await new ValidatedJsonFile(path, claimFileSchema).read();
      return file && { kind, id: file.record.id, record: file.record };
    }
    case 'note': {
      const file = await new ValidatedJsonFile(path, noteFileSchema).read();
      return file && { kind, id: file.record.id, record: file.record };
    }
  }
}

/** True when the store has the record in its index (without reading its file). */
export function storeHas(store: NotebookStore, kind: FolderKind, id: string): boolean {
  switch (kind) {
    case 'article':
      return store.hasArticle(id);
    case 'claim':
      return store.claim(id) !== null;
    case 'note':
      return store.noteMeta(id) !== null;
  }
}

/**
 * What the store holds for a record; null when it holds none. A record the store does not have
 * in memory is read from its file; a file found missing then is dropped from the store's index.
 */
export async function heldRecord(store: NotebookStore, kind: FolderKind, id: string): Promise<RecordContent | null> {
  if (!storeHas(store, kind, id)) return null;
  try {
    switch (kind) {
      case 'article':
        return { kind, id, record: await store.viewRecord(id) };
      case 'claim':
        return { kind, id, record: store.claim(id)! };
      case 'note':
        return { kind, id, record: await store.readNote(id) };
    }
  } catch (error) {
    if (error instanceof NotebookError && error.code === 'not_found') return null;
    throw error;
  }
}

/**
 * Which version a record is, from its revisions: an article's and each of its highlights'.
 * Marginalia gives every edit a new revision, so a version made elsewhere has another one.
 */
export function versionOf(content: RecordContent): string {
  if (content.kind !== 'article') return revisionOf(content.record);
  const { article, annotations } = content.record;
  return [revisionOf(article), ...annotations.map((annotation) => `${annotation.id}:${revisionOf(annotation)}`).sort()].join(' ');
}

/**
 * The same, for a record the store has just written; null when the store removed it. An
 * article's is worked out in the next turn, after the write has been answered (or when asked
 * for before): an article or highlights written before revisions existed have theirs made from
 * their content, and hashing a 20 KB article with ten highlights took ~1 ms of each highlight.
 * The record is held only until then.
 */
export function versionWritten(change: StoreChange): (() => string) | null {
  switch (change.kind) {
    case 'article': {
      let record = change.record;
      if (!record) return null;
      let version = '';
      const settle = () => {
        if (record) version = versionOf({ kind: 'article', id: change.id, record });
        record = null;
        return version;
      };
      setImmediate(settle);
      return settle;
    }
    case 'claim':
      return change.claim && constant(revisionOf(change.claim));
    case 'note':
      return change.note && constant(revisionOf(change.note));
  }
}

const constant = (value: string) => () => value;

/** The change that makes the store hold `after` (null: no record) instead of `before`. */
export function changeBetween(kind: FolderKind, id: string, before: RecordContent | null, after: RecordContent | null): Change {
  switch (kind) {
    case 'article':
      return { kind, articleId: id, before: before?.kind === kind ? before.record : null, after: after?.kind === kind ? after.record : null };
    case 'claim':
      return { kind, claimId: id, before: before?.kind === kind ? before.record : null, after: after?.kind === kind ? after.record : null };
    case 'note':
      return { kind, noteId: id, before: before?.kind === kind ? before.record : null, after: after?.kind === kind ? after.record : null };
  }
}
