/**
 * Opens a notebook folder and returns the handler table both hosts register, so the
 * desktop app and browser mode run the very same services.
 */
import { createExchangeImport } from './exchange/import-exchange';
import { memoryCredentials, type CredentialStore } from './sync/credentials';
import { createSync } from './sync/sync-service';
import type { SyncThreadKind } from './sync/sync-thread';
import { createConflictResolution } from './exchange/resolve-conflict';
import type { NotebookHandlers } from '../common/api';
import type { NotebookFeed } from '../common/change-feed';
import type { NotebookStatus } from '../common/model';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { removeTempLeftovers } from '../store/atomic-file';
import { lockHolderElsewhere } from '../store/folder-lock';
import { openStore } from '../store/notebook-store';
import { createAnnotations } from './annotations';
import { createDamagedFiles } from './damaged/damaged-files';
import { citedHighlights } from './cited-highlights';
import { createClaimsAndNotes } from './claims-and-notes';
import { createCommitter } from './commit';
import { createImporter } from './import/import-service';
import type { FetchOptions } from './import/fetch-page';
import { inProcessPreparer, workerPreparer, type ImportBudget } from './import/import-thread';
import { createLibrary } from './library';
import { createLibraryBulk } from './library-bulk';
import { createTags } from './tags';
import { SAMPLE_ARTICLE, SAMPLE_RECORD } from './sample-article';
import { INDEX_DIR } from './search/index-file';
import { openSearch } from './search/search-service';
import { removeLeftovers } from './sync/git-fs';
import { fromSources } from './search/start-search-worker';
import { createExporter, inProcessRunner } from './export/export-service';
import { workerRunner } from './export/export-thread';
import { printPdfWithChromium } from './export/chromium-pdf';
import { storeReportData } from './export/report-data';
import type { ReportData } from './export/report-model';
import { openSyncedFolder, type SyncedFolder } from './synced-folder/synced-folder';
import { collectWhenQuiet } from './quiet-memory';

/** What stands for the synced folder on a read-only notebook: nothing watched, nothing taken in. */
const readOnlyFolder = (): SyncedFolder => ({ setAside: [], warnings: [], caughtUp: async () => {}, close: async () => {} });

export interface OpenNotebook {
  /** The handler table behind every `NotebookApi` method. */
  handlers: NotebookHandlers;
  /** Every committed change, for the windows (see common/change-feed.ts). */
  feed: NotebookFeed;
  status(): NotebookStatus;
  /** Resolves when every write so far is on disk (fsync'd). */
  flush(): Promise<void>;
  /** What bringing the search index up to date cost at open (for tests). */
  searchStats(): { articlesRead: number; loadedFromDisk: boolean };
  /** Resolves when the search index holds every change so far. */
  searchIdle(): Promise<void>;
  /** Resolves once record files changed while the notebook was closed are taken in. */
  caughtUp(): Promise<void>;
  /** What reports are made from (see export/report-model.ts). */
  reportData: ReportData;
  /** Flushes and releases the notebook folder. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Clock, for tests. */
  now?: () => Date;
  /** Start a brand-new notebook with the sample article (default true; tests may start empty). */
  sample?: boolean;
  /** Limits of `importUrl` downloads, for tests. */
  fetch?: FetchOptions;
  /** Save the search index in the notebook folder (default true). */
  persistSearch?: boolean;
  /** Where search runs (see SearchOptions.thread). */
  searchThread?: 'worker' | 'in-process';
  /** Where exports run: a worker thread (the default when built) or this thread (the default in unit tests). */
  exportThread?: 'worker' | 'in-process';
  /** Where imports are read: a worker thread with a budget (the default when built) or this thread (the default in unit tests). */
  importThread?: 'worker' | 'in-process';
  /** The import worker's time and memory budget, for tests (default: IMPORT_BUDGET). */
  importBudget?: ImportBudget;
  /** Prints a report's HTML to PDF: the desktop app's own window; by default a Chromium found on the machine. */
  printPdf?: (html: string, signal: AbortSignal) => Promise<Uint8Array>;
  /** Where a shared notebook's remote credentials are kept (default: in memory only). */
  credentials?: CredentialStore;
  /** Sync a shared notebook every this many ms (default: only when asked). */
  syncEveryMs?: number;
  /** Where a sync's git work runs (default: the sync worker, so a sync never holds up the window). */
  syncThread?: SyncThreadKind;
  /** Records a sync merges per step of the write queue (see sync-service.ts). */
  syncMergeSlice?: number;
  /** Send what changed when the notebook closes (the desktop app and browser mode do). */
  syncOnClose?: boolean;
}

export async function openNotebook(dir: string, options: OpenOptions = {}): Promise<OpenNotebook> {
  const now = options.now ?? (() => new Date());
  // Read before opening takes it over: another machine's lock means the folder is synced and open there too.
  const openElsewhere = await lockHolderElsewhere(dir);
  const store = await openStore(dir, { now });
  // The store swept its own folders of what a crash left; these two belong to the services.
  // The search index's before search starts writing there; a shared notebook's repository
  // (thousands of files) beside opening, as a sync would anyway before it writes.
  const { readOnly } = store;
  if (!readOnly) await removeTempLeftovers(join(dir, INDEX_DIR));
  const gitTidied = existsSync(join(dir, '.git')) && !readOnly ? removeLeftovers(join(dir, '.git')).catch((error: unknown) => console.error('Could not tidy .git:', error)) : Promise.resolve();
  // The one write path: every service's changes, and undo and redo, go through it.
  const writes = createCommitter(store, now);
  const library = createLibrary(store, writes, now);
  const libraryBulk = createLibraryBulk(store, writes, now);
  const annotations = createAnnotations(store, writes, now);
  const cited = citedHighlights(store);
  const research = createClaimsAndNotes(store, writes, now, cited);
  const tags = createTags(store, writes);
  const importer = createImporter(
    library,
    options.fetch,
    (options.importThread ?? (fromSources ? 'in-process' : 'worker')) === 'worker' ? workerPreparer(options.importBudget) : inProcessPreparer(),
  );
  const sharing = createSync(store, writes, now, { credentials: options.credentials ?? memoryCredentials(), ...(options.syncEveryMs ? { everyMs: options.syncEveryMs } : {}), ...(options.syncThread ? { thread: options.syncThread } : {}), ...(options.syncMergeSlice ? { mergeSlice: options.syncMergeSlice } : {}) });
  // Good copies of damaged notes and articles are looked for in the shared history too.
  const { findGoodCopies, followSetAside, ...damaged } = createDamagedFiles(store, writes, () => sharing.committedRecord);
  const exchange = { ...createExchangeImport(store, writes), ...createConflictResolution(store, writes) };
  // Opened before the sample article is added, so the index learns of it like any change.
  const reportData = storeReportData(store);
  const exportRunner =
    (options.exportThread ?? (fromSources ? 'in-process' : 'worker')) === 'worker' ? workerRunner({ dir: store.dir, flush: () => store.flush(), now, tagged: () => store.taggedHighlights() }) : inProcessRunner(reportData, now);
  const exporter = createExporter({ runner: exportRunner, printPdf: options.printPdf ?? printPdfWithChromium });
  // A read-only folder's index is built in a temporary folder: its own is never written.
  const search = openSearch(store, { persist: !readOnly && (options.persistSearch ?? true), ...(options.searchThread ? { thread: options.searchThread } : {}) });

  if (store.isNew && options.sample !== false && !readOnly) {
    const { content, format, title, source, dateline, publishedAt } = SAMPLE_ARTICLE;
    await library.importArticle({ format, content, title, source }, { dateline, publishedAt }, SAMPLE_RECORD);
  }

  // A read-only folder changes under no one on this machine; what changed while closed is read as it is.
  const synced = readOnly ? readOnlyFolder() : await openSyncedFolder(store, writes, { now, openElsewhere });
  // After the files changed while closed are looked at: those set aside then are listed by now.
  const goodCopiesFound = readOnly ? Promise.resolve() : synced.caughtUp().then(findGoodCopies).catch((error: unknown) => console.error('Could not look for good copies of damaged files:', error));
  const stopFollowingSetAside = followSetAside();
  const status = (): NotebookStatus => ({
    location: store.dir,
    quarantined: [...store.quarantined, ...synced.setAside],
    damagedFiles: store.damaged.list(),
    ...(readOnly ? { readOnly } : {}),
    ...(synced.warnings.length > 0 ? { warnings: [...synced.warnings] } : {}),
  });
  // Memory a burst of calls grew is given back once the window has been quiet for a while.
  const quiet = collectWhenQuiet();
  return {
    handlers: quiet.watch({
      ...library.handlers,
      ...libraryBulk,
      ...importer.handlers,
      ...exchange,
      ...annotations,
      ...research,
      ...tags,
      getNotebookStatus: async () => status(),
      getHistory: () => writes.state(),
      undo: () => writes.undo(),
      redo: () => writes.redo(),
      search: (arg) => search.search(arg),
      ...exporter,
      getSyncStatus: sharing.getSyncStatus,
      shareNotebook: sharing.shareNotebook,
      syncNotebook: sharing.syncNotebook,
      setSyncCredentials: sharing.setSyncCredentials,
      getRecordHistory: sharing.getRecordHistory,
      restoreVersion: sharing.restoreVersion,
      ...damaged,
    }),
    feed: { subscribe: (listener) => writes.subscribe(listener) },
    status,
    searchStats: () => search.stats(),
    searchIdle: () => search.idle(),
    caughtUp: async () => {
      await synced.caughtUp();
      await goodCopiesFound;
    },
    flush: () => store.flush(),
    reportData,
    close: async () => {
      quiet.stop();
      await gitTidied;
      await goodCopiesFound;
      await stopFollowingSetAside();
      await sharing.close(options.syncOnClose ?? false);
      await synced.close();
      cited.stop();
      await exportRunner.close();
      await importer.close();
      await search.close();
      await store.close();
    },
  };
}
