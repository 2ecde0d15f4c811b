/**
 * A passage the reader should bring into view and flash once its article is showing: a range
 * of canonical text (words found by search) or a highlight. Set by whoever asks to go there
 * (search results); the reader applies it when the article and its highlights are painted.
 */
import { createStore } from 'zustand/vanilla';

export type PassageFocus =
  | { kind: 'range'; articleId: string; start: number; end: number }
  | { kind: 'annotation'; articleId: string; annotationId: string };

export interface PassageFocusState {
  /** Waiting for the reader to show it. */
  pending: PassageFocus | null;
  /** The found words painted in the reader, until the person moves on. */
  found: { articleId: string; start: number; end: number; flashing: boolean } | null;
  /** Increases with every request, so asking for the same words again flashes them again. */
  serial: number;
}

export const initialPassageFocusState: PassageFocusState = { pending: null, found: null, serial: 0 };

export const passageFocusStore = createStore<PassageFocusState>(() => initialPassageFocusState);

export function requestPassageFocus(focus: PassageFocus): void {
  passageFocusStore.setState(({ serial }) => ({ pending: focus, found: null, serial: serial + 1 }));
}

export function clearFoundPassage(): void {
  if (passageFocusStore.getState().found) passageFocusStore.setState({ found: null });
}
