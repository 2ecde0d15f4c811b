/**
 * Undo and redo, kept as an append-only log (`history.log`): recording a step appends the step,
 * and undo, redo or dropping a step append one short line, so no write rewrites the whole
 * history. The log is bounded: past `HISTORY_LIMIT` steps the oldest are forgotten, and once the
 * file passes `maxBytes` it is rewritten as one line holding the stacks as they are, the oldest
 * steps dropped until that line is at most half the bound.
 *
 * A notebook from before the log has a `history.json`: the store reads it once and hands it
 * here, to become the log's first line.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { AppendLog } from './append-log';
import { historyEntrySchema, type HistoryEntry } from './notebook-files';

export const HISTORY_LOG = 'history.log';
/** How many undo steps are kept; the oldest are forgotten first. */
export const HISTORY_LIMIT = 500;
/** The log is rewritten, compacted, past this size. */
export const HISTORY_MAX_BYTES = 16 * 1024 * 1024;

const stackSchema = z.enum(['undo', 'redo']);
const opSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('state'), undo: z.array(historyEntrySchema), redo: z.array(historyEntrySchema) }),
  z.object({ op: z.literal('push'), entry: historyEntrySchema }),
  /** The newest step of `from` moved to the other stack (an undo or a redo). */
  z.object({ op: z.literal('move'), from: stackSchema }),
  /** The newest step of `from` could not be applied and was forgotten. */
  z.object({ op: z.literal('drop'), from: stackSchema }),
]);
type Op = z.infer<typeof opSchema>;
export type Stack = z.infer<typeof stackSchema>;

export interface HistoryStacks {
  readonly undo: readonly HistoryEntry[];
  readonly redo: readonly HistoryEntry[];
}

export class HistoryLog {
  readonly #log: AppendLog;
  #undo: HistoryEntry[] = [];
  #redo: HistoryEntry[] = [];

  private constructor(
    path: string,
    readonly maxBytes: number,
  ) {
    this.#log = new AppendLog(path);
  }

  /**
   * Reads the log; lines that are not valid steps (one cut short by a crash) are skipped.
   * `legacy` is the content of a history.json from before the log, written into it here.
   */
  static async open(dir: string, legacy: HistoryStacks | null = null, maxBytes = HISTORY_MAX_BYTES): Promise<HistoryLog> {
    const history = new HistoryLog(join(dir, HISTORY_LOG), maxBytes);
    for (const value of await history.#log.read()) {
      const op = opSchema.safeParse(value);
      if (op.success) history.#apply(op.data);
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
    return this.#record({ op: 'push', entry });
  }

  /** Moves the newest step of `from` to the other stack. */
  move(from: Stack): Promise<void> {
    return this.#record({ op: 'move', from });
  }

  /** Forgets the newest step of `from`. */
  drop(from: Stack): Promise<void> {
    return this.#record({ op: 'drop', from });
  }

  idle(): Promise<void> {
    return this.#log.idle();
  }

  close(): Promise<void> {
    return this.#log.close();
  }

  async #record(op: Op): Promise<void> {
    this.#apply(op);
    await this.#log.append([op]);
    if (this.#log.size > this.maxBytes) await this.#compact();
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
    }
  }

  /** Rewrites the log as one line, dropping the oldest undo steps until it fits half the bound. */
  async #compact(): Promise<void> {
    const sizes = this.#undo.map((entry) => JSON.stringify(entry).length);
    let total = sizes.reduce((a, b) => a + b, 0) + this.#redo.reduce((sum, entry) => sum + JSON.stringify(entry).length, 0);
    let first = 0;
    while (total > this.maxBytes / 2 && first < this.#undo.length) total -= sizes[first++]!;
    this.#undo = this.#undo.slice(first);
    await this.#log.rewrite([{ op: 'state', undo: this.#undo, redo: this.#redo } satisfies Op]);
  }
}
