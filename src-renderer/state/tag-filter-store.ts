/**
 * The tag the person chose in the tag browser. One filter for the whole window: the library,
 * the margin and the claims view each show only what carries this tag or a tag below it
 * (`region` matches `region/east-asia`; see `tagMatches` in common/tags).
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface TagFilterState {
  tag: string | null;
}

export const initialTagFilterState: TagFilterState = { tag: null };

export const tagFilterStore = createStore<TagFilterState>(() => initialTagFilterState);

export function setTagFilter(tag: string | null): void {
  tagFilterStore.setState({ tag });
}

/** The chosen tag, or null when nothing is filtered. */
export function useTagFilter(): string | null {
  return useStore(tagFilterStore, (state) => state.tag);
}
