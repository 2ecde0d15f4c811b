import { annotationStore, initialAnnotationState } from '../state/annotation-store';
import { deleteRequestStore, initialDeleteRequestState } from '../state/delete-request-store';
import { highlightFocusStore, initialHighlightFocusState } from '../state/highlight-focus-store';
import { historyStore, initialHistoryState } from '../state/history-store';
import { initialLegendState, legendStore } from '../state/legend-store';
import { initialReaderSelectionState, readerSelectionStore } from '../state/reader-selection-store';
import { initialResearchState, researchStore } from '../state/research-store';
import { initialLibraryState, libraryStore } from '../state/library-store';
import { initialStatusState, statusStore } from '../state/status-store';
import { initialNoteState, noteStore } from '../state/note-store';
import { initialTagFilterState, tagFilterStore } from '../state/tag-filter-store';
import { initialWorkspaceState, workspaceStore } from '../state/workspace-store';
import { initialSelectionState, selectionStore } from '../state/library-view-selection';
import { initialLibraryView, LIBRARY_VIEW_KEY, libraryViewStore } from '../state/library-view-store';
import { initialPassageFocusState, passageFocusStore } from '../state/passage-focus';
import { initialSearchState, searchStore } from '../state/search-store';
import { resetFeedSequence } from '../state/apply-change';
import { exportDialogStore, initialExportDialogState } from '../state/export-dialog-store';
import { exchangeImportStore, initialExchangeImportState } from '../state/exchange-import-store';
import { initialSyncState, syncStore } from '../state/sync-store';
import { initialRecordHistoryState, recordHistoryStore } from '../state/record-history-store';
import { editConflictStore } from '../state/edit-conflict-store';

/** Puts the renderer's stores back as they are when the app starts. */
export function resetStores(): void {
  libraryStore.setState(initialLibraryState, true);
  statusStore.setState(initialStatusState, true);
  annotationStore.setState(initialAnnotationState, true);
  highlightFocusStore.setState(initialHighlightFocusState, true);
  readerSelectionStore.setState(initialReaderSelectionState, true);
  deleteRequestStore.setState(initialDeleteRequestState, true);
  legendStore.setState(initialLegendState, true);
  historyStore.setState(initialHistoryState, true);
  researchStore.setState(initialResearchState, true);
  tagFilterStore.setState(initialTagFilterState, true);
  noteStore.setState(initialNoteState, true);
  // A save left waiting on a choice by a test that failed would hold up the next test's saves.
  for (const pending of editConflictStore.getState().pending) pending.answer('later');
  editConflictStore.setState({ pending: [] }, true);
  workspaceStore.setState(initialWorkspaceState, true);
  selectionStore.setState(initialSelectionState, true);
  libraryViewStore.setState(initialLibraryView, true);
  globalThis.localStorage?.removeItem(LIBRARY_VIEW_KEY);
  passageFocusStore.setState(initialPassageFocusState, true);
  searchStore.setState(initialSearchState, true);
  exportDialogStore.setState(initialExportDialogState, true);
  exchangeImportStore.setState(initialExchangeImportState, true);
  syncStore.setState(initialSyncState, true);
  recordHistoryStore.setState(initialRecordHistoryState, true);
  resetFeedSequence();
}
