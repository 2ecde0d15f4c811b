/**
 * What the main thread and the search worker say to each other. The main thread sends each
 * record change in the form the index needs (no article HTML, no file metadata it does not
 * use), search requests, and answers to the worker's requests for notes; the worker answers
 * every request with its result and how opening went.
 */
import type { ApiParsedArg } from '../../common/api';
import type { Article, Claim, Note } from '../../common/model';
import type { SearchAnswer } from '../../common/search-schema';
import type { ArticleRecord, StoreChange } from '../../store/notebook-store';

/** An article as the index reads it: what it shows and filters by, and the body tree to count. */
export interface IndexedArticle {
  article: Pick<Article, 'id' | 'title' | 'tags' | 'updatedAt' | 'doc'>;
  annotations: ArticleRecord['annotations'];
}

/** A record as it is after a write; `null` when it was removed. `stamp`: its file's, as the write left it. */
export type IndexChange =
  /** No `record`: the engine reads the article's file itself (a large one, see indexChangeOf). */
  | { kind: 'article'; id: string; record?: IndexedArticle | null; stamp?: string }
  | { kind: 'claim'; id: string; claim: Claim | null; stamp?: string }
  | { kind: 'note'; id: string; note: Note | null; stamp?: string };

/** The notebook's records when search opens, to find what changed while it was closed. */
export interface NotebookRecords {
  articleIds: string[];
  claimIds: string[];
  noteIds: string[];
}

export interface EngineOptions {
  /** Save the index in the notebook folder. */
  persist: boolean;
  /** How long after the last change the index is saved, in ms. */
  saveDelayMs: number;
  /** How long after the first change not yet saved it is saved however busy the notebook is, in ms. */
  maxSaveDelayMs?: number;
  /** How often a long build saves what it has indexed so far, in ms. */
  checkpointMs?: number;
}

/** What the worker is started with. */
export interface WorkerStart {
  dir: string;
  records: NotebookRecords;
  options: EngineOptions;
}

export interface SearchStats {
  articlesRead: number;
  loadedFromDisk: boolean;
}

export type ToWorker =
  | { type: 'change'; change: IndexChange }
  | { type: 'search'; id: number; arg: ApiParsedArg<'search'> }
  | { type: 'idle'; id: number }
  | { type: 'close'; id: number }
  | { type: 'note'; id: number; note: Note | null };

export type FromWorker =
  | { type: 'reply'; id: number; answer?: SearchAnswer; error?: string; stats: SearchStats }
  | { type: 'read-note'; id: number; noteId: string };

/** Articles of more words than this are read from their file by the search worker. */
export const POSTED_WORDS = 10_000;

/** The part of a store change the index uses. */
export function indexChangeOf(change: StoreChange): IndexChange {
  if (change.kind === 'claim' || change.kind === 'note') return change;
  const record = change.record;
  if (!record) return { kind: 'article', id: change.id, record: null };
  // Posting a large article's body to the worker copies it on this thread (70-120 ms for a
  // 40,000-element page); the worker reads the file instead, written before this change was told.
  if (record.article.wordCount > POSTED_WORDS) return { kind: 'article', id: change.id };
  const { id, title, tags, updatedAt, doc } = record.article;
  const stamp = change.stamp ? { stamp: change.stamp } : {};
  return { kind: 'article', id: change.id, record: { article: { id, title, tags, updatedAt, doc }, annotations: record.annotations }, ...stamp };
}
