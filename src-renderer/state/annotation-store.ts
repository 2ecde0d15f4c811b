/**
 * The open article's highlights, the colour legend, what undo/redo would do, and what the
 * reader's selection covers. Kept outside React so actions and keyboard handlers can reach it;
 * components read it through the small `useX` hooks beside this file.
 */
import { createStore } from 'zustand/vanilla';
import { DEFAULT_LEGEND } from '../../src-main/common/annotation-schema';
import type { AnnotationUsage, AnnotationView, ClaimView, ColorLegend, HighlightColor, HistoryState, NoteMeta, TagCount } from '../../src-main/common/model';

export interface ReaderSelection {
  start: number;
  end: number;
  /** Where the toolbar goes, relative to the article element (absent where layout is unknown). */
  anchor?: { left: number; top: number; bottom: number };
}

export interface AnnotationState {
  /** The article `annotations` belong to. */
  articleId: string | null;
  /** In the API's reading order: anchored by position, then orphans. */
  annotations: AnnotationView[];
  legend: ColorLegend;
  history: HistoryState;
  /** The colour `h` and the toolbar's default apply. */
  currentColor: HighlightColor;
  /** The highlight whose card is current in the margin. */
  selectedId: string | null;
  /** The highlight whose passage is flashing after its card was clicked. */
  flashId: string | null;
  /** The text selected in the reader, in canonical offsets. */
  selection: ReaderSelection | null;
  /** The person pressed Esc: hide the toolbar until the selection changes. */
  toolbarDismissed: boolean;
  /** Every note's metadata and links, for the backlinks on highlight cards. */
  notes: NoteMeta[];
  /** Every claim, from which highlights that are evidence show their claim. */
  claims: ClaimView[];
  /** A cited highlight whose deletion waits for the person to confirm it. */
  deleteRequest: { id: string; usage: AnnotationUsage } | null;
  /** Every tag in the notebook with its counts per kind, for autocomplete and the tag browser. */
  tags: TagCount[];
  /** A highlight just made by the toolbar's Tag, whose card opens its tag field. */
  tagFocusId: string | null;
}

export const initialAnnotationState: AnnotationState = {
  articleId: null,
  annotations: [],
  legend: { ...DEFAULT_LEGEND },
  history: { undo: null, redo: null },
  currentColor: 'yellow',
  selectedId: null,
  flashId: null,
  selection: null,
  toolbarDismissed: false,
  notes: [],
  claims: [],
  deleteRequest: null,
  tags: [],
  tagFocusId: null,
};

export const annotationStore = createStore<AnnotationState>(() => initialAnnotationState);
