/**
 * Undo and redo, kept as an append-only log (`history.log`): recording a step appends the step,
 * and undo, redo or dropping a step append one short line, so no write rewrites the whole
 * history. The log is bounded: past `HISTORY_LIMIT` steps the oldest are forgotten, and once the
 * file passes `maxBytes` it is rewritten as one line holding the stacks as they are, the oldest
 * steps dropped until that line is at most half the bound — but never the newest step.
 *
 * Note bodies are written in proportion to the edit (see history-note-bodies.ts).
 *
 * A notebook from before the log has a `history.json`: the store reads it once and hands it
 * here, to become the log's first line.
 */
import { join } from 'node:path';
import { z } from '../common/zod';
import { AppendLog } from './append-log';
import { timeSlices } from './event-loop-turns';
import { decodeEntry, decodeList, encodeEntry, encodeList, KnownBodies, newestFirst } from './history-note-bodies';
import { historyEntrySchema, type HistoryEntry } from './notebook-files';

export const HISTORY_LOG = 'history.log';
/** How many undo steps are kept; the oldest are forgotten first. */
export const HISTORY_LIMIT = 500;
/** The log is rewritten, compacted, past this size. */
export const HISTORY_MAX_BYTES = 16 * 1024 * 1024;

const stackSchema = z.enum(['undo', 'redo']);
/** A step as written: its note bodies may be references and patches, resolved when read. */
const storedEntrySchema = historyEntrySchema.extend({ changes: z.array(z.looseObject({ kind: z.string() })).min(1) });
const storedOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('state'), undo: z.array(storedEntrySchema), redo: z.array(storedEntrySchema) }),
  z.object({ op: z.literal('push'), entry: storedEntrySchema }),
  /** The newest step of `from` moved to the other stack (an undo or a redo). */
  z.object({ op: z.literal('move'), from: stackSchema }),
  /** The newest step of `from` could not be applied and was forgotten. */
  z.object({ op: z.literal('drop'), from: stackSchema }),
  /** The newest step was recorded for a change that then failed to save: forget it and bring back the redo steps it cleared. */
  z.object({ op: z.literal('retract'), redo: z.array(storedEntrySchema) }),
]);
type StoredOp = z.infer<typeof storedOpSchema>;
export type Stack = z.infer<typeof stackSchema>;
type Op =
  | { op: 'state'; undo: HistoryEntry[]; redo: HistoryEntry[] }
  | { op: 'push'; entry: HistoryEntry }
  | { op: 'move' | 'drop'; from: Stack }
  | { op: 'retract'; redo: HistoryEntry[] };

export interface HistoryStacks {
  readonly undo: readonly HistoryEntry[];
  readonly redo: readonly HistoryEntry[];
}

const validEntry = (entry: HistoryEntry): HistoryEntry | undefined => {
  const parsed = historyEntrySchema.safeParse(entry);
  return parsed.success ? parsed.data : undefined;
};

export class HistoryLog {
  readonly #log: AppendLog;
  #undo: HistoryEntry[] = [];
  #redo: HistoryEntry[] = [];
  /** The bodies a new line may refer to: those of the steps on the stacks. */
  readonly #known = new KnownBodies(() => newestFirst(this.#undo, this.#redo));

  private constructor(
    path: string,
    readonly maxBytes: number,
    memoryOnly: boolean,
  ) {
    this.#log = new AppendLog(path, memoryOnly);
  }

  /**
   * Reads the log; lines that are not valid steps (one cut short by a crash) are skipped.
   * `legacy` is the content of a history.json from before the log, written into it here.
   * `memoryOnly`: the notebook is open read-only; nothing is written (see AppendLog).
   */
  static async open(dir: string, legacy: HistoryStacks | null = null, maxBytes = HISTORY_MAX_BYTES, memoryOnly = false): Promise<HistoryLog> {
    const history = new HistoryLog(join(dir, HISTORY_LOG), maxBytes, memoryOnly);
    // Checking each step took ~100 ms at once for a 750 KB log, opened by the window's first
    // getHistory: in slices, the window's other calls are answered meanwhile.
    const turn = timeSlices();
    for (const value of await history.#log.read()) {
      const stored = storedOpSchema.safeParse(value);
      const op = stored.success ? history.#decode(stored.data) : undefined;
      if (op) history.#apply(op);
      await turn();
    }
    if (legacy) {
      history.#undo = [...legacy.undo, ...history.#undo].slice(-HISTORY_LIMIT);
      history.#redo = history.#redo.length > 0 ? history.#redo : [...legacy.redo];
      await history.#compact();
    }
    return history;
  }

  /** The stacks, newest last. Not to be changed by the caller. */
  stacks(): HistoryStacks {
    return { undo: this.#undo, redo: this.#redo };
  }

  /** Records a new step (and forgets what could have been redone). */
  push(entry: HistoryEntry): Promise<void> {
    const { stored, kept } = encodeEntry(entry, this.#known);
    return this.#record({ op: 'push', entry: kept }, { op: 'push', entry: stored });
  }

  /** Moves the newest step of `from` to the other stack. */
  move(from: Stack): Promise<void> {
    return this.#record({ op: 'move', from });
  }

  /** Forgets the newest step of `from`. */
  drop(from: Stack): Promise<void> {
    return this.#record({ op: 'drop', from });
  }

  /**
   * Takes back the newest step, pushed for a change that then failed to save, and brings back
   * the redo steps its push cleared.
   */
  retract(redo: readonly HistoryEntry[]): Promise<void> {
    const { stored, kept } = encodeList(redo);
    return this.#record({ op: 'retract', redo: kept }, { op: 'retract', redo: stored });
  }

  idle(): Promise<void> {
    return this.#log.idle();
  }

  close(): Promise<void> {
    return this.#log.close();
  }

  /**
   * Appends `stored` (the line: `op` with its bodies encoded), then applies `op` in memory: an
   * op that could not be written changes nothing, so the caller can tell what to take back.
   */
  async #record(op: Op, stored: unknown = op): Promise<void> {
    await this.#log.append([stored]);
    this.#apply(op);
    if (this.#log.size > this.maxBytes) await this.#compact();
  }

  /** The op a line describes, its bodies resolved against the stacks as they are at that line. */
  #decode(stored: StoredOp): Op | undefined {
    switch (stored.op) {
      case 'state':
        return { op: 'state', undo: decodeList(stored.undo, validEntry), redo: decodeList(stored.redo, validEntry) };
      case 'push': {
        const entry = decodeEntry(stored.entry, this.#known);
        const valid = entry && validEntry(entry);
        return valid ? { op: 'push', entry: valid } : undefined;
      }
      case 'retract':
        return { op: 'retract', redo: decodeList(stored.redo, validEntry) };
      default:
        return stored;
    }
  }

  #apply(op: Op): void {
    switch (op.op) {
      case 'state':
        this.#undo = op.undo;
        this.#redo = op.redo;
        return;
      case 'push':
        this.#undo.push(op.entry);
        if (this.#undo.length > HISTORY_LIMIT) this.#undo.splice(0, this.#undo.length - HISTORY_LIMIT);
        this.#redo = [];
        return;
      case 'move': {
        const [from, to] = op.from === 'undo' ? [this.#undo, this.#redo] : [this.#redo, this.#undo];
        const entry = from.pop();
        if (entry) to.push(entry);
        return;
      }
      case 'drop':
        (op.from === 'undo' ? this.#undo : this.#redo).pop();
        return;
      case 'retract':
        this.#undo.pop();
        this.#redo = op.redo;
        return;
    }
  }

  /**
   * Rewrites the log as one line, dropping the oldest undo steps until it fits half the bound.
   * The newest undo step always stays, however large: a big import (a whole notebook's bundle)
   * can still be undone, until the next step is recorded.
   */
  async #compact(): Promise<void> {
    const undo = encodeList(this.#undo);
    const redo = encodeList(this.#redo);
    const sizes = undo.stored.map((entry) => JSON.stringify(entry).length);
    let total = sizes.reduce((a, b) => a + b, 0) + redo.stored.reduce((sum: number, entry) => sum + JSON.stringify(entry).length, 0);
    let first = 0;
    while (total > this.maxBytes / 2 && first < this.#undo.length - 1) total -= sizes[first++]!;
    // Each stack is written as a list of its own: a step refers only to steps before it there.
    const kept = first === 0 ? undo : encodeList(this.#undo.slice(first));
    this.#undo = kept.kept;
    this.#redo = redo.kept;
    await this.#log.rewrite([{ op: 'state', undo: kept.stored, redo: redo.stored }]);
  }
}
