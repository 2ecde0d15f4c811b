/**
 * The change feed: after every committed change (a service's, an undo's, a redo's) the main
 * side tells every window what it changed, so windows update in place instead of listing again
 * after each action, and a second window or tab stays current. Electron sends it as an IPC
 * event on `FEED_CHANNEL`; browser mode streams it as Server-Sent Events from `FEED_PATH`.
 */
import type { ArticleListing, Claim, ColorLegend, DamagedFile, HistoryState, NoteMeta } from './model';

export interface NotebookChange {
  /** Counts up from 1 each time the notebook is opened; a gap means a change was missed. */
  seq: number;
  /** What undo would call the change; empty for changes undo does not offer. */
  label: string;
  /**
   * Articles whose record changed (metadata or highlights): the new listing, null when deleted;
   * `body` when the whole record was written, so its text may differ.
   */
  /**
   * `conflictRevs`: the revisions in the article's conflict history (the listing carries no
   * history), so the reader knows when to fetch it again.
   */
  /** `rev`: the article's revision (the listing carries none), what the window's next edit of it is based on. */
  /**
   * `highlights`: its highlights may differ (one was made, edited or removed, or the text they
   * anchor in changed), so a window showing them fetches them again; false for a change of the
   * article's details alone, such as noting that it was opened.
   */
  articles: { id: string; listing: ArticleListing | null; body: boolean; highlights: boolean; conflictRevs: string[]; rev?: string }[];
  claims: { id: string; claim: Claim | null }[];
  notes: { id: string; meta: NoteMeta | null }[];
  /** The colour legend, when it changed. */
  legend?: ColorLegend;
  /** What undo and redo would do now. */
  history: HistoryState;
  /** The damaged files list (see NotebookStatus), when it changed: a file was set aside, restored or put away. */
  damagedFiles?: DamagedFile[];
}

export type ChangeListener = (change: NotebookChange) => void;

/** How a window hears the feed (`window.notebookFeed` in Electron). */
export interface NotebookFeed {
  /** Calls `listener` with each change; returns a function that stops the calls. */
  subscribe(listener: ChangeListener): () => void;
}

/** IPC channel of the feed in Electron. */
export const FEED_CHANNEL = 'notebook:changes';
/** Path of the feed in browser mode (GET, with the token, answered as text/event-stream). */
export const FEED_PATH = '/api-events';
