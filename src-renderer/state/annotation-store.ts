/**
 * The open article's highlights. Kept outside React so actions and the change feed can reach
 * it; components read it through `useAnnotations`. What the person is doing with highlights
 * lives beside it, one subject per store: highlight-focus-store (selected, flashing, tag field
 * to open), reader-selection-store (the selected text), delete-request-store (a deletion
 * waiting for confirmation); the legend, undo history and the notebook's notes, claims and
 * tags have their own stores too.
 */
import { createStore } from 'zustand/vanilla';
import type { AnnotationView } from '../../src-main/common/model';

export interface AnnotationState {
  /** The article `annotations` belong to. */
  articleId: string | null;
  /** In the API's reading order: anchored by position, then orphans. */
  annotations: AnnotationView[];
}

export const initialAnnotationState: AnnotationState = {
  articleId: null,
  annotations: [],
};

export const annotationStore = createStore<AnnotationState>(() => initialAnnotationState);
