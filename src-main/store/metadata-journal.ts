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
  }),
  z.object({ kind: z.literal('claim'), id: z.string(), claim: claimSchema.nullable() }),
  z.object({ kind: z.literal('note'), id: z.string(), meta: noteMetaSchema.nullable() }),
  z.object({ kind: z.literal('legend'), legend: colorLegendSchema }),
]);
export type JournalEntry = z.infer<typeof journalEntrySchema>;

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
  }
}

export interface MetadataJournal {
  /** Applies the entries to the cache in memory and resolves once they are on disk. */
  record(entries: JournalEntry[]): Promise<void>;
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
): Promise<{ journal: MetadataJournal; replayed: number }> {
  const log = new AppendLog(join(dir, JOURNAL_FILE), memoryOnly);
  let replayed = 0;
  for (const value of await log.read()) {
    const entry = journalEntrySchema.safeParse(value);
    // A line that is not an entry (cut short by a crash, edited by hand) is skipped: the record
    // files are the truth, and the store reconciles the cache with them after this.
    if (!entry.success) continue;
    applyEntry(index, entry.data);
    onApply(entry.data);
    replayed += 1;
  }

  /** While the cache is being rewritten, new entries wait, so none is cut from the journal unsaved. */
  let compacting: Promise<void> | undefined;
  const compact = async () => {
    if (memoryOnly) return;
    await log.idle();
    // notebook.json is serialized when the write starts: everything appended so far is in it.
    await writeCache();
    await log.rewrite([]);
  };

  const startCompacting = (): Promise<void> => {
    compacting ??= compact().finally(() => (compacting = undefined));
    return compacting;
  };

  const journal: MetadataJournal = {
    async record(entries) {
      for (const entry of entries) {
        applyEntry(index, entry);
        onApply(entry);
      }
      while (compacting) await compacting.catch(() => undefined);
      await log.append(entries);
      if (log.size > compactAtBytes) {
        // In the background: the write that crossed the bound is already durable in the journal.
        startCompacting().catch((error: unknown) => console.error('Could not fold the journal into notebook.json:', error));
      }
    },
    compact: startCompacting,
    async idle() {
      while (compacting) await compacting.catch(() => undefined);
      await log.idle();
    },
    async close() {
      await journal.idle();
      await log.close();
    },
  };
  return { journal, replayed };
}
