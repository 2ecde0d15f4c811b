/**
 * The metadata cache: `notebook.json` held in memory (the colour legend, and the metadata of
 * every article, claim and note, so the library lists without reading a record file), with what
 * keeps it and what goes with it: the journal every change is recorded in (`notebook.journal`),
 * the highlight counts per article, the highlight index (`highlights.index`, loaded on first
 * use) and the lookups by id. All of it is derived from the record files, which the folders
 * reconcile it with on open.
 *
 * Opening reads notebook.json (a damaged one is set aside and the cache starts empty), snapshots
 * it before a migration, moves the highlights out of an older file and replays the journal over
 * it. `settle` then folds the journal back into notebook.json in the background: one rewrite per
 * open, none per change.
 */
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DEFAULT_LEGEND } from '../common/highlight-colors';
import { NotebookError } from '../common/errors';
import type { Annotation, Claim, ColorLegend, Note, NoteMeta } from '../common/model';
import { snapshotBeforeMigration, snapshotDaily, snapshotsNewestFirst } from './backups';
import { highlightCache } from './highlight-cache';
import { HIGHLIGHT_INDEX_FILE, HighlightIndex, highlightsOf, type ArticleHighlights } from './highlight-index';
import { findById } from './id-positions';
import { IndexFile } from './index-file';
import { openJournal, type ArticleEntry, type MetadataJournal } from './metadata-journal';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import { BACKUPS_DIR, NOTEBOOK_FILE, articleFileName, articleFileSchema, notebookFileSchema, type NotebookFile } from './notebook-files';
import type { NotebookStore } from './notebook-store';
import type { RecordFolderOptions } from './record-folder';
import type { SetAside } from './quarantine';
import { UnreadableFileError, ValidatedJsonFile } from './validated-json-file';
import { saveFailed } from './write-failure';

/** Why a notebook from a newer Marginalia is not opened, in words (the desktop app shows it in a dialog). */
export const NEWER_NOTEBOOK =
  'This notebook was written by a newer version of Marginalia, and this version cannot open it without losing what it does not know. Update Marginalia to open it; nothing in the notebook was changed.';

/** The colour legend of the newest snapshot of notebook.json that holds one. */
async function legendFromBackup(dir: string): Promise<{ legend: ColorLegend; from: string } | undefined> {
  for await (const snapshot of snapshotsNewestFirst(dir)) if (snapshot.legend) return { legend: snapshot.legend, from: snapshot.name };
  return undefined;
}

/**
 * A notebook.json from before highlights.index held the annotation → article map (and, later,
 * the tags) itself: take them out of it, as an index to adopt when the tags were there too (an
 * older one is rebuilt from the article files on first use), and count highlights per article.
 */
function takeLegacyHighlights(data: NotebookFile): { index: HighlightIndex | undefined } | undefined {
  const { annotations, annotationTags } = data;
  if (!annotations) return undefined;
  delete data.annotations;
  delete data.annotationTags;
  const byArticle = new Map<string, ArticleHighlights>();
  for (const annotationId in annotations) {
    const articleId = annotations[annotationId]!;
    const entry = byArticle.get(articleId) ?? { annotations: [], tagged: {} };
    byArticle.set(articleId, entry);
    entry.annotations.push(annotationId);
    const tags = annotationTags?.[annotationId];
    if (tags) entry.tagged[annotationId] = tags;
  }
  data.highlightCounts = Object.fromEntries([...byArticle].map(([articleId, entry]) => [articleId, entry.annotations.length]));
  if (!annotationTags) return { index: undefined };
  const index = new HighlightIndex();
  for (const [articleId, entry] of byArticle) index.set(articleId, entry);
  return { index };
}

export interface MetadataCacheOptions {
  now: () => Date;
  setAside: SetAside;
  /** Size at which the journal is folded into notebook.json. */
  compactAtBytes?: number;
  /** The notebook is open read-only (see folder-access.ts): what is read is kept in memory, nothing is written. */
  readOnly?: boolean;
}

/** The store's answers that come from the cache alone (their promises are on NotebookStore). */
type CacheReads = Pick<
  NotebookStore,
  'listArticles' | 'articleMetas' | 'annotationCount' | 'hasArticle' | 'articleTitle' | 'taggedHighlights' | 'highlightTagCounts' | 'annotationCounts' | 'legend' | 'saveLegend' | 'claims' | 'claim' | 'claimIds' | 'noteMetas' | 'noteMeta' | 'noteIds'
>;

export interface MetadataCache extends CacheReads {
  /** notebook.json as held in memory; after open, every change reaches it through `journal`. */
  readonly data: NotebookFile;
  readonly journal: MetadataJournal;
  /** Whether the folder held a readable notebook.json. */
  readonly existed: boolean;
  /** Whether what was opened is not what notebook.json holds: none, migrated, journal replayed, highlights moved out. */
  readonly changedOnOpen: boolean;
  /** Journal entries that may be ahead of their articles' files (see openJournal): the store checks them on open. */
  readonly unconfirmed: readonly ArticleEntry[];
  /** The article's position in `data.articles`, or -1, without a scan. */
  articleAt(id: string): number;
  /**
   * Sets what an article holds (null: it is gone) in the counts and the highlight index, outside
   * the journal: for what the files show that the cache missed, which the next fold writes.
   */
  setHighlights(articleId: string, annotations: readonly Annotation[] | null): void;
  /** The highlight index: which article holds each highlight (loaded on first use). */
  highlightIndex(): Promise<HighlightIndex>;
  /** The index's claims and notes as their record folders keep them: each change goes through the journal. */
  readonly claimIndex: RecordFolderOptions<Claim, Claim>['index'];
  readonly noteIndex: RecordFolderOptions<Note, NoteMeta>['index'];
  /**
   * Folds the journal into notebook.json and highlights.index when `changed` (by this open or the
   * reconciling after it), then takes the day's snapshot. In the background: it needs the
   * highlight index, the window's first answers do not. `idle` waits for it.
   */
  settle(changed: boolean): void;
  /** Resolves when the fold and every write so far are on disk. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export async function openMetadataCache(dir: string, { now, setAside, compactAtBytes, readOnly = false }: MetadataCacheOptions): Promise<MetadataCache> {
  const emptyIndex = (): NotebookFile => ({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    createdAt: now().toISOString(),
    legend: { ...DEFAULT_LEGEND },
    articles: [],
    highlightCounts: {},
    claims: [],
    notes: [],
  });
  const initial = emptyIndex();
  const index = new Low(new IndexFile(join(dir, NOTEBOOK_FILE), notebookFileSchema), initial) as Low<NotebookFile> & { adapter: IndexFile<NotebookFile> };

  let existed = false;
  try {
    await index.read();
    existed = index.adapter.lastRead !== undefined;
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    // Opening would rewrite it in this version's format and drop what this version does not know.
    if (error.newer) throw new NotebookError('storage', NEWER_NOTEBOOK);
    index.data = emptyIndex();
    // The records are rebuilt from their files; the legend is in no record file, so it comes from the newest backup.
    const legend = await legendFromBackup(dir);
    if (legend) index.data.legend = legend.legend;
    await setAside(error, {
      outcome: `The list of the notebook was rebuilt from the article, claim and note files${legend ? `, and the colour legend was restored from ${BACKUPS_DIR}/${legend.from}` : '; no backup held the colour legend, so it is back to its default'}.`,
    });
  }
  if (!existed && index.data === initial) {
    // notebook.json deleted (or lost with a disk) while backups of it remain: its legend is in them.
    const legend = await legendFromBackup(dir);
    if (legend) index.data.legend = legend.legend;
  }
  if (index.adapter.lastRead?.migrated && !readOnly) await snapshotBeforeMigration(dir, index.adapter.lastRead.from, now());
  const legacy = takeLegacyHighlights(index.data);
  const counts = () => (index.data.highlightCounts ??= {});
  /** Reads every article file past the cache (keeping them all would cost more than the index). */
  const rebuildHighlights = async (): Promise<HighlightIndex> => {
    const built = new HighlightIndex();
    for (const meta of [...index.data.articles]) {
      const file = await new ValidatedJsonFile(join(dir, articleFileName(meta.id)), articleFileSchema).read().catch(() => null);
      if (!file) continue;
      const held = highlightsOf(file.annotations);
      built.set(meta.id, held);
      counts()[meta.id] = held.annotations.length;
    }
    return built;
  };
  const highlights = highlightCache({ path: join(dir, HIGHLIGHT_INDEX_FILE), adopted: legacy?.index, rebuild: () => rebuildHighlights(),
    rebuilt: () => void journal.compact().catch((error: unknown) => console.error('Could not save the rebuilt highlight index:', error)),
  });
  // What changed since notebook.json was last written is in the journal.
  const { journal, replayed, unconfirmed } = await openJournal(
    dir,
    index.data,
    // highlights.index first: the journal is emptied only once both files hold what it held.
    async () => {
      await highlights.save();
      await index.write();
    },
    compactAtBytes,
    readOnly,
    (entry) => {
      if (entry.kind === 'article') highlights.apply(entry.id, entry.meta ? { annotations: entry.annotations, tagged: entry.tagged } : null);
    },
  );

  const articleAt = (id: string) => findById(index.data.articles, id);
  const copyOf = <T extends { id: string }>(list: T[], id: string): T | null => {
    const at = findById(list, id);
    return at < 0 ? null : structuredClone(list[at]!);
  };
  let settling: Promise<void> = Promise.resolve();

  return {
    data: index.data,
    journal,
    existed,
    changedOnOpen: !existed || index.adapter.lastRead?.migrated === true || replayed > 0 || legacy !== undefined,
    unconfirmed,
    articleAt,
    setHighlights(articleId, annotations) {
      if (annotations === null) {
        delete counts()[articleId];
        highlights.apply(articleId, null);
      } else {
        counts()[articleId] = annotations.length;
        highlights.apply(articleId, highlightsOf(annotations));
      }
    },
    highlightIndex: () => highlights.loaded(),

    listArticles: () => index.data.articles.map((meta) => ({ ...meta, tags: [...meta.tags] })),
    articleMetas: () => index.data.articles,
    annotationCount: (id) => counts()[id] ?? 0,
    hasArticle: (id) => articleAt(id) >= 0,
    articleTitle: (id) => index.data.articles[articleAt(id)]?.title,
    async taggedHighlights() {
      return [...(await highlights.loaded()).tagged()];
    },
    highlightTagCounts: async () => new Map((await highlights.loaded()).tagCounts()),
    annotationCounts: () => new Map(Object.entries(counts())),
    legend: () => ({ ...index.data.legend }),
    async saveLegend(legend) {
      try {
        await journal.record([{ kind: 'legend', legend: { ...legend } }]);
      } catch (error) {
        throw saveFailed('the colour legend', error);
      }
    },
    claims: () => structuredClone(index.data.claims),
    noteMetas: () => structuredClone(index.data.notes),
    claim: (id) => copyOf(index.data.claims, id),
    noteMeta: (id) => copyOf(index.data.notes, id),
    claimIds: () => index.data.claims.map((claim) => claim.id),
    noteIds: () => index.data.notes.map((meta) => meta.id),

    claimIndex: { get: () => index.data.claims, set: (list) => (index.data.claims = list), changed: (id, claim) => journal.record([{ kind: 'claim', id, claim }]) },
    noteIndex: { get: () => index.data.notes, set: (list) => (index.data.notes = list), changed: (id, meta) => journal.record([{ kind: 'note', id, meta }]) },

    settle(changed) {
      if (readOnly) return;
      settling = (changed ? journal.compact() : Promise.resolve())
        .then(() => snapshotDaily(dir, now()))
        .catch((error: unknown) => console.error('Could not fold the journal into the notebook index:', error));
    },
    async idle() {
      await settling;
      await journal.idle();
      await index.adapter.idle();
    },
    close: () => journal.close(),
  };
}
