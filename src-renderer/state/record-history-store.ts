/**
 * A record's history in the shared notebook (a highlight's, a claim's, a note's): which record
 * the History dialog is open on, its versions as the main side reads them from the shared
 * history, and restoring one (a new edit, one undo step; the record changes through the feed).
 * Any card opens it with `openRecordHistory`; App shows the one dialog.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ApiResponse } from '../../src-main/common/api';
import type { HISTORY_RECORD_KINDS, RecordVersion } from '../../src-main/common/sync-schema';
import { notebook } from '../notebook-client';
import { report } from './status-store';

export type HistoryRecordKind = (typeof HISTORY_RECORD_KINDS)[number];

export interface RecordHistoryRequest {
  kind: HistoryRecordKind;
  id: string;
  /** What the record is, for the dialog's title: "the note “Why Kamikawa…”". */
  subject: string;
}

export interface RecordHistoryState {
  request: RecordHistoryRequest | null;
}

export const initialRecordHistoryState: RecordHistoryState = { request: null };

export const recordHistoryStore = createStore<RecordHistoryState>(() => initialRecordHistoryState);

export function openRecordHistory(request: RecordHistoryRequest): void {
  recordHistoryStore.setState({ request });
}

export function closeRecordHistory(): void {
  recordHistoryStore.setState({ request: null });
}

export const useRecordHistoryRequest = (): RecordHistoryRequest | null => useStore(recordHistoryStore, (state) => state.request);

export function loadRecordVersions({ kind, id }: RecordHistoryRequest): Promise<ApiResponse<RecordVersion[]>> {
  return notebook.getRecordHistory({ kind, id });
}

/**
 * Makes `version` the record's current one and closes the dialog, saying so in the status line;
 * answers the failure for the dialog to show.
 */
export async function restoreRecordVersion({ kind, id }: RecordHistoryRequest, version: RecordVersion, when: string): Promise<string | null> {
  const answer = await notebook.restoreVersion({ kind, id, commit: version.commit });
  if (!answer.ok) return answer.error.message;
  closeRecordHistory();
  report(`Restored the version of ${when} by ${version.author}. Undo takes it back.`);
  return null;
}
