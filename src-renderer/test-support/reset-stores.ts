import { annotationStore, initialAnnotationState } from '../state/annotation-store';
import { initialLibraryState, libraryStore } from '../state/library-store';
import { initialStatusState, statusStore } from '../state/status-store';
import { initialTagFilterState, tagFilterStore } from '../state/tag-filter-store';
import { initialPassageFocusState, passageFocusStore } from '../state/passage-focus';
import { initialSearchState, searchStore } from '../features/search/search-store';

/** Puts the renderer's stores back as they are when the app starts. */
export function resetStores(): void {
  libraryStore.setState(initialLibraryState, true);
  statusStore.setState(initialStatusState, true);
  annotationStore.setState(initialAnnotationState, true);
  tagFilterStore.setState(initialTagFilterState, true);
  passageFocusStore.setState(initialPassageFocusState, true);
  searchStore.setState(initialSearchState, true);
}
