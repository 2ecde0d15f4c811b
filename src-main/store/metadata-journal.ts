/**
 * The metadata cache (`notebook.json`) kept in proportion to each change. At 10,000 articles
 * the cache is ~9 MB; rewriting it for every highlight cost ~130 ms. Instead each write appends
 * what changed to `notebook.journal` (one line per record), and the cache file is rewritten
 * only when the journal has grown past a bound, in the background. On open the journal is
 * replayed over the cache. Entries are idempotent (they set or remove a record's metadata), so
 * replaying one that the cache already holds changes nothing.
 */
import { join } from 'node:path';
import { z } from '../common/zod';
import { colorLegendSchema } from '../common/annotation-schema';
import { claimSchema, noteMetaSchema } from '../common/research-schema';
import { articleMetaSchema } from '../common/schema';
import { AppendLog } from './append-log';
import { putById } from './id-positions';
import type { NotebookFile } from './notebook-files';

export const JOURNAL_FILE = 'notebook.journal';
/** The journal is folded into notebook.json once it is this large. */
export const COMPACT_AT_BYTES = 2 * 1024 * 1024;

export const journalEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('article'),
    id: z.string(),
    meta: articleMetaSchema.nullable(),
    /** The article's annotations now (`dropped`, those it no longer held, is no longer written). */
    annotations: z.array(z.string()),
    dropped: z.array(z.string()).optional(),
    /** The tags of its annotations that have tags. */
    tagged: z.record(z.string(), z.array(z.string())),
    /**
     * The commit (its time) whose article file was being written while this entry was (see
     * `recordAhead`): after a crash, the last commit's entries may be ahead of their files.
     */
    commit: z.string().optional(),
  }),
  z.object({ kind: z.literal('claim'), id: z.string(), claim: claimSchema.nullable() }),
  z.object({ kind: z.literal('note'), id: z.string(), meta: noteMetaSchema.nullable() }),
  z.object({ kind: z.literal('legend'), legend: colorLegendSchema }),
  /** Written at close: every entry above is backed by its file (see `recordAhead`). */
  z.object({ kind: z.literal('settled') }),
]);
export type JournalEntry = z.infer<typeof journalEntrySchema>;
export type ArticleEntry = Extract<JournalEntry, { kind: 'article' }>;

/** Applies one entry to the cache in memory (live and when replaying). */
export function applyEntry(index: NotebookFile, entry: JournalEntry): void {
  switch (entry.kind) {
    case 'article': {
      putById(index.articles, entry.id, entry.meta);
      index.highlightCounts ??= {};
      if (entry.meta === null) delete index.highlightCounts[entry.id];
      else index.highlightCounts[entry.id] = entry.annotations.length;
      return;
    }
    case 'claim':
      return putById(index.claims, entry.id, entry.claim);
    case 'note':
      return putById(index.notes, entry.id, entry.meta);
    case 'legend':
      index.legend = { ...entry.legend };
      return;
    case 'settled':
      return;
  }
}

export interface MetadataJournal {
  /** Applies the entries to the cache in memory and resolves once they are on disk. */
  record(entries: JournalEntry[]): Promise<void>;
  /**
   * Records entries for files still being written, so that a highlight waits for its article's
   * file and its journal line at once instead of one after the other. Until `done` is called
   * (once those files are on disk, or their writes failed), the cache is not folded into
   * notebook.json: a fold never holds what no file holds yet. Entries carry their commit, so an
   * open after a crash can check the last commit's against the files (`unconfirmed`).
   */
  recordAhead(entries: JournalEntry[]): { written: Promise<void>; done(): void };
  /** Rewrites notebook.json from the cache and empties the journal. */
  compact(): Promise<void>;
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Replays `notebook.journal` over `index` (the cache as read) and returns the journal.
 * `writeCache` rewrites notebook.json from `index`; it is called to compact.
 */
export async function openJournal(
  dir: string,
  index: NotebookFile,
  writeCache: () => Promise<void>,
  compactAtBytes = COMPACT_AT_BYTES,
  /** The notebook is open read-only: entries are applied in memory and never written, nor compacted. */
  memoryOnly = false,
  /** Also told of every entry applied (replayed or new): what is cached outside notebook.json. */
  onApply: (entry: JournalEntry) => void = () => {},
): Promise<{ journal: MetadataJournal; replayed: number; unconfirmed: ArticleEntry[] }> {
  const log = new AppendLog(join(dir, JOURNAL_FILE), memoryOnly);
  let replayed = 0;
  /** The article entries replayed, and `null` for each close that found every file written. */
  const articleEntries: (ArticleEntry | null)[] = [];
  for (const value of await log.read()) {
    const entry = journalEntrySchema.safeParse(value);
    // A line that is not an entry (cut short by a crash, edited by hand) is skipped: the record
    // files are the truth, and the store reconciles the cache with them after this.
    if (!entry.success) continue;
    applyEntry(index, entry.data);
    onApply(entry.data);
    if (entry.data.kind === 'article') articleEntries.push(entry.data);
    else if (entry.data.kind === 'settled') articleEntries.push(null);
    replayed += 1;
  }

  /** Entries recorded ahead of their files whose files are still being written. */
  const ahead = new Set<Promise<void>>();
  /** Whether any entry was recorded ahead this session (see `close`). */
  let recordedAhead = false;
  /** While the cache is being rewritten, new entries wait, so none is cut from the journal unsaved. */
  let compacting: Promise<void> | undefined;
  const compact = async () => {
    if (memoryOnly) return;
    // New entries ahead of their files wait for this fold; those already recorded finish first.
    while (ahead.size > 0) await Promise.all(ahead);
    await log.idle();
    // notebook.json is serialized when the write starts: everything appended so far is in it.
    await writeCache();
    await log.rewrite([]);
  };

  const startCompacting = (): Promise<void> => {
    compacting ??= compact().finally(() => (compacting = undefined));
    return compacting;
  };

  const append = async (entries: JournalEntry[]) => {
    await log.append(entries);
    if (log.size > compactAtBytes) {
      // In the background: the write that crossed the bound is already durable in the journal.
      startCompacting().catch((error: unknown) => console.error('Could not fold the journal into notebook.json:', error));
    }
  };
  const apply = (entries: JournalEntry[]) => {
    for (const entry of entries) {
      applyEntry(index, entry);
      onApply(entry);
    }
  };

  const journal: MetadataJournal = {
    async record(entries) {
      apply(entries);
      while (compacting) await compacting.catch(() => undefined);
      await append(entries);
    },
    recordAhead(entries) {
      let done!: () => void;
      const settled = new Promise<void>((resolve) => (done = resolve));
      const written = (async () => {
        while (compacting) await compacting.catch(() => undefined);
        // No turn of the event loop from here to the append's start: a fold begun now waits for `done`.
        ahead.add(settled);
        recordedAhead = true;
        void settled.then(() => ahead.delete(settled));
        apply(entries);
        await append(entries);
      })();
      return { written, done };
    },
    compact: startCompacting,
    async idle() {
      while (ahead.size > 0 || compacting) await Promise.all([...ahead, compacting?.catch(() => undefined)]);
      await log.idle();
    },
    async close() {
      await journal.idle();
      // Every write has finished (the store closes once its writes have): say so, so that the
      // next open need not check this session's last commit against its files.
      if (recordedAhead && !memoryOnly) await log.append([{ kind: 'settled' }]).catch(() => undefined);
      await log.close();
    },
  };
  return { journal, replayed, unconfirmed: lastCommitsArticles(articleEntries) };
}

/**
 * The articles of the journal's last commit recorded ahead of its files: only that commit can
 * have been cut short by a crash (commits run one at a time, each done once its files and lines
 * are on disk), so only its entries may name what no file holds.
 */
function lastCommitsArticles(entries: readonly (ArticleEntry | null)[]): ArticleEntry[] {
  let last: string | undefined;
  const found = new Map<string, ArticleEntry>();
  for (let at = entries.length - 1; at >= 0; at -= 1) {
    const entry = entries[at];
    // A close that found every file written: nothing before it is unconfirmed.
    if (entry === null) break;
    // Untagged entries (a removal, the open's own mending) were written after their files.
    if (entry!.commit === undefined) continue;
    if (last !== undefined && entry!.commit !== last) break;
    last = entry!.commit;
    if (!found.has(entry!.id)) found.set(entry!.id, entry!);
  }
  return [...found.values()];
}
