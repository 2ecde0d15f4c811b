/**
 * Which highlight the person is attending to: the one whose card is current, the one whose
 * passage is flashing, and one just made by the toolbar's Tag whose card should open its tag
 * field. Ids of the open article's highlights (annotation-store).
 */
import { createStore } from 'zustand/vanilla';

export interface HighlightFocusState {
  /** The highlight whose card is current in the margin. */
  selectedId: string | null;
  /** The highlight whose passage is flashing after its card was clicked. */
  flashId: string | null;
  /** A highlight just made by the toolbar's Tag, whose card opens its tag field. */
  tagFocusId: string | null;
}

export const initialHighlightFocusState: HighlightFocusState = {
  selectedId: null,
  flashId: null,
  tagFocusId: null,
};

export const highlightFocusStore = createStore<HighlightFocusState>(() => initialHighlightFocusState);
