/**
 * The main thread's part of a sync: it answers the sync worker's questions from the notebook
 * (what changed, the records as they are now) and takes in what the worker received through
 * the one write path, one slice per step of the write queue, so a window's write waits for one
 * slice at most. It also keeps what the merges did, for the sync's answer.
 */
import { counted } from '../../common/counted';
import type { ExchangeSummary } from '../../common/exchange-schema';
import type { SyncResult } from '../../common/sync-schema';
import { emptySummary, planMerge } from '../exchange/merge-plan';
import { timeSlices } from '../../store/event-loop-turns';
import type { SharedHistory } from './shared-history';
import type { CurrentRecord, GitOutcome, NotebookSide } from './sync-protocol';

const receivedOf = (summary: ExchangeSummary) => summary.added.length + summary.updated.length + summary.deleted.length + summary.conflicts.length;

/** "sent 3 changes, received 5, 1 conflict kept". */
export function saidOf(result: Omit<SyncResult, 'said'>): string {
  const parts = [`sent ${counted(result.sent, 'change')}`, `received ${result.received.toLocaleString('en')}`];
  if (result.conflicts > 0) parts.push(`${counted(result.conflicts, 'conflict')} kept`);
  return parts.join(', ');
}

export interface SyncSession {
  side: NotebookSide;
  /** The sync's answer: what the worker did with git, and what the merges took in here. */
  result(outcome: GitOutcome): SyncResult;
}

/** The notebook's side of one sync of `history`. */
export function notebookSide(history: SharedHistory): SyncSession {
  const { store, writes } = history;
  // Every slice of every merge of this sync (a refused push merges again) in one summary.
  let merged: ExchangeSummary | undefined;
  const side: NotebookSide = {
    async unsent() {
      const { paths, lines, all } = await store.unsent.read();
      return { paths: [...paths], lines, all };
    },
    allPaths: async () => history.allPaths(),
    async records(paths) {
      const setAside = history.setAsidePaths();
      // One after another, with a turn of the event loop every few ms: read at once, the reads
      // completed together and their checks held the window's calls for 70-100 ms.
      const turn = timeSlices();
      const records: CurrentRecord[] = [];
      for (const path of paths) {
        const record = await history.current(path);
        records.push(record ?? (setAside.has(path) ? { setAside: true } : null));
        await turn();
      }
      return records;
    },
    async merge(incoming) {
      const summary = emptySummary('sync', 'the shared notebook');
      await writes.commit(async () => ({ label: 'Sync', changes: await planMerge(store, incoming, summary), result: undefined, undoable: false, revisions: 'keep' }));
      merged = merged ? joinSummaries(merged, summary) : summary;
      return { received: receivedOf(summary), conflicts: summary.conflicts.length };
    },
    // On the write queue, so no change is noted meanwhile.
    markSent: (lines) =>
      writes.commit(async () => {
        await store.unsent.sent(lines);
        return { label: '', changes: [], result: undefined };
      }),
    now: async () => history.now().getTime(),
  };
  return {
    side,
    result({ sent, retries }) {
      const received = merged ? receivedOf(merged) : 0;
      const conflicts = merged?.conflicts.length ?? 0;
      return { sent, received, conflicts, retries, ...(merged ? { merge: merged } : {}), said: saidOf({ sent, received, conflicts, retries }) };
    },
  };
}

function joinSummaries(a: ExchangeSummary, b: ExchangeSummary): ExchangeSummary {
  return {
    ...a,
    added: [...a.added, ...b.added],
    updated: [...a.updated, ...b.updated],
    conflicts: [...a.conflicts, ...b.conflicts],
    kept: [...a.kept, ...b.kept],
    deleted: [...a.deleted, ...b.deleted],
    refused: [...a.refused, ...b.refused],
    unmatched: [...a.unmatched, ...b.unmatched],
    unchanged: a.unchanged + b.unchanged,
  };
}
