/**
 * The import report: one row per file or address in the current batch, what became of it,
 * and the question the batch is waiting on (a re-import of an article already in the library).
 */
import { createStore } from 'zustand/vanilla';

export type ReportState = 'waiting' | 'working' | 'imported' | 'replaced' | 'failed' | 'skipped';

export interface ReportItem {
  key: string;
  /** The file name or web address, as the person knows it. */
  name: string;
  state: ReportState;
  /** Why it failed or was skipped. */
  message?: string;
  /** How an imported page was read differently from an article (kept whole without reader mode). */
  notice?: string;
  /** The article it became (imported or replaced). */
  articleId?: string;
  title?: string;
}

export type ReimportChoice = 'replace' | 'new' | 'skip';

export interface ReimportQuestion {
  name: string;
  title: string;
  highlights: number;
  answer: (choice: ReimportChoice) => void;
}

export interface ImportReportState {
  open: boolean;
  items: ReportItem[];
  question: ReimportQuestion | null;
}

export const initialImportReportState: ImportReportState = { open: false, items: [], question: null };

export const importReportStore = createStore<ImportReportState>(() => initialImportReportState);

export function updateItem(key: string, change: Partial<ReportItem>): void {
  importReportStore.setState(({ items }) => ({ items: items.map((item) => (item.key === key ? { ...item, ...change } : item)) }));
}

export function closeImportReport(): void {
  const { items, question } = importReportStore.getState();
  // A pending question is answered "skip": closing the report must not leave the batch waiting.
  question?.answer('skip');
  const running = items.some((item) => item.state === 'waiting' || item.state === 'working');
  importReportStore.setState(running ? { open: false } : initialImportReportState);
}
