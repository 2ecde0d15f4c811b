/**
 * The undo history as the store opens it: `history.log`, read on first use rather than at open
 * (the window's first answers need no history). A notebook from before the log has a
 * `history.json`; it is folded into the log once and then removed. A history.json that cannot be
 * read is set aside like any damaged file: losing undo history must not stop the notebook opening.
 */
import { join } from 'node:path';
import { removeFileDurably } from './atomic-file';
import { HistoryLog } from './history-log';
import { HISTORY_FILE, historyFileSchema, type HistoryFile } from './notebook-files';
import type { SetAside } from './quarantine';
import { UnreadableFileError, ValidatedJsonFile } from './validated-json-file';

/** Opens `history.log`, folding in (then removing) a history.json from before the log. */
export async function openHistory(dir: string, setAside: SetAside, maxBytes?: number, readOnly = false): Promise<HistoryLog> {
  const legacyFile = new ValidatedJsonFile(join(dir, HISTORY_FILE), historyFileSchema);
  let legacy: HistoryFile | null = null;
  try {
    legacy = await legacyFile.read();
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    // Losing undo history must not stop the notebook from opening.
    await setAside(error);
  }
  const log = await HistoryLog.open(dir, legacy, maxBytes, readOnly);
  if (legacy && !readOnly) await removeFileDurably(join(dir, HISTORY_FILE));
  return log;
}

export interface HistoryOnFirstUse {
  /** The history log, opened on the first call; a failed open is tried again on the next. */
  get(): Promise<HistoryLog>;
  /** Resolves when every write so far is on disk (nothing to wait for when it was never opened). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export function historyOnFirstUse(dir: string, setAside: SetAside, maxBytes?: number, readOnly = false): HistoryOnFirstUse {
  let history: Promise<HistoryLog> | undefined;
  const opened = () => history?.catch(() => undefined);
  return {
    get() {
      history ??= openHistory(dir, setAside, maxBytes, readOnly);
      history.catch(() => (history = undefined));
      return history;
    },
    async idle() {
      await (await opened())?.idle();
    },
    async close() {
      await (await opened())?.close();
    },
  };
}
