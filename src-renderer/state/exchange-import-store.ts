/**
 * Imports of work from elsewhere (a colleague's bundle, W3C or Hypothesis annotations, a
 * REFI-QDA project): each file with where it stands and, once merged, what the merge did. The
 * import feature runs them and shows the summary; the app menu opens the dialog to pick a file
 * (a menu command is not a click on the page, so the page cannot open the file picker itself).
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ExchangeSummary } from '../../src-main/common/exchange-schema';

export type ExchangeImportState = 'reading' | 'importing' | 'done' | 'failed';

export interface ExchangeImport {
  key: string;
  fileName: string;
  state: ExchangeImportState;
  summary?: ExchangeSummary;
  /** Why it was not imported, in words for a person (the size check's or the main side's). */
  error?: string;
}

export interface ExchangeImportDialogState {
  /** The dialog is shown: choosing a file (no imports yet), or the imports of this batch. */
  open: boolean;
  imports: ExchangeImport[];
}

export const initialExchangeImportState: ExchangeImportDialogState = { open: false, imports: [] };

export const exchangeImportStore = createStore<ExchangeImportDialogState>(() => initialExchangeImportState);

/** Opens the dialog on its "choose a file" step (the app menu's Import Bundle or Annotations…). */
export function askForExchangeFile(): void {
  exchangeImportStore.setState({ open: true, imports: [] });
}

export function closeExchangeImport(): void {
  exchangeImportStore.setState(initialExchangeImportState);
}

export function updateExchangeImport(key: string, change: Partial<ExchangeImport>): void {
  exchangeImportStore.setState(({ imports }) => ({ imports: imports.map((item) => (item.key === key ? { ...item, ...change } : item)) }));
}

export const useExchangeImport = (): ExchangeImportDialogState => useStore(exchangeImportStore);
