/**
 * What the app tells the person about itself: the notebook's status (files set aside when it
 * was opened), the current busy task, and the latest message. Every failing call lands here
 * (or in the dialog that made it), so no failure is swallowed.
 */
import { createStore } from 'zustand/vanilla';
import type { ApiError } from '../../src-main/common/api';
import type { DamagedFile, NotebookStatus } from '../../src-main/common/model';

export interface StatusMessage {
  /** Increases with every message, so a timer can tell whether its message is still shown. */
  id: number;
  text: string;
  tone: 'info' | 'error';
}

export interface StatusState {
  notebook: NotebookStatus | null;
  quarantineDismissed: boolean;
  /** The damaged files notice was put away (it comes back when another file is set aside). */
  damagedDismissed: boolean;
  /** The Damaged files dialog is open. */
  damagedOpen: boolean;
  /** The notebook's warnings (open on another machine too) were read and put away. */
  warningsDismissed: boolean;
  /** A sentence describing work in progress ("Opening your notebook…"), if any. */
  busy: string | null;
  message: StatusMessage | null;
}

export const initialStatusState: StatusState = {
  notebook: null,
  quarantineDismissed: false,
  damagedDismissed: false,
  damagedOpen: false,
  warningsDismissed: false,
  busy: null,
  message: null,
};

export const statusStore = createStore<StatusState>(() => initialStatusState);

let lastMessageId = 0;

/** Shows a message in the status region, replacing the previous one. */
export function report(text: string, tone: StatusMessage['tone'] = 'info'): void {
  lastMessageId += 1;
  statusStore.setState({ message: { id: lastMessageId, text, tone } });
}

/** Shows a failed call's message, which the main side wrote for a person to act on. */
export function reportError(error: ApiError): void {
  report(error.message, 'error');
}

/** Clears the message, or only message `id` if given (a stale timer must not clear a newer one). */
export function clearMessage(id?: number): void {
  const current = statusStore.getState().message;
  if (current && (id === undefined || current.id === id)) statusStore.setState({ message: null });
}

export function setBusy(busy: string | null): void {
  statusStore.setState({ busy });
}

export function dismissQuarantineNotice(): void {
  statusStore.setState({ quarantineDismissed: true });
}

/** The damaged files list as the main side has it now (from the change feed). */
export function setDamagedFiles(damagedFiles: DamagedFile[]): void {
  const { notebook } = statusStore.getState();
  if (!notebook) return;
  const before = new Set(notebook.damagedFiles.map((entry) => entry.id));
  const arrived = damagedFiles.some((entry) => !before.has(entry.id));
  statusStore.setState({ notebook: { ...notebook, damagedFiles }, ...(arrived ? { damagedDismissed: false } : {}) });
}

export function dismissDamagedNotice(): void {
  statusStore.setState({ damagedDismissed: true });
}

export function showDamagedFiles(open: boolean): void {
  statusStore.setState({ damagedOpen: open });
}

export function dismissWarnings(): void {
  statusStore.setState({ warningsDismissed: true });
}
