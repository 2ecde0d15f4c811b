import { Suspense } from 'react';
import { ImportButtons } from './features/import/ImportButtons';
import { ImportFeature } from './features/import/ImportFeature';
import { LibraryPane } from './features/library/LibraryPane';
import { MarginPane } from './features/margin/MarginPane';
import { DamagedFilesDialog } from './features/notices/DamagedFilesDialog';
import { DamagedFilesNotice } from './features/notices/DamagedFilesNotice';
import { QuarantineBanner } from './features/notices/QuarantineBanner';
import { ReadOnlyNotice } from './features/notices/ReadOnlyNotice';
import { WarningsBanner } from './features/notices/WarningsBanner';
import { StatusRegion } from './features/notices/StatusRegion';
import { ReaderPane } from './features/reader/ReaderPane';
import { NotesList } from './features/notes/NotesList';
import { TagBrowser } from './features/tags/TagBrowser';
import { useWorkspace } from './state/workspace-store';
import { useMenuCommands } from './state/useMenuCommands';
import { useUndoKeys } from './state/useUndoKeys';
import { SearchHost } from './features/search/SearchDialog';
import { ExportHost } from './features/export/ExportHost';
import { SyncHost } from './features/sync/SyncHost';
import { SyncPanel } from './features/sync/SyncPanel';
import { EditConflictHost } from './components/EditConflictDialog';
import { lazyNamed } from './components/lazy-named';

const ClaimsView = lazyNamed(() => import('./features/claims/ClaimsView'), 'ClaimsView');
const NewArticleDialog = lazyNamed(() => import('./features/new-article/NewArticleDialog'), 'NewArticleDialog');
const NotePane = lazyNamed(() => import('./features/notes/NotePane'), 'NotePane');

/**
 * The window: notices on top, the three panes, the status line at the foot. The centre shows
 * the reader, a note or the claims view; the reader stays mounted behind the others so its
 * place in the article is kept. Features do not import each other: where one pane shows
 * another feature's pieces (the library pane's import buttons, notes and tags), they are
 * composed here (the library's foot is the sync feature's control). The search, export and
 * sync dialogs are shown from here too, once for the window; features open them through their
 * stores — as is the choice between two windows' versions of a record edited in both.
 */
export function App() {
  const showing = useWorkspace();
  useUndoKeys();
  useMenuCommands();
  return (
    <div className="app">
      <ReadOnlyNotice />
      <DamagedFilesNotice />
      <QuarantineBanner />
      <WarningsBanner />
      <div className="shell">
        <LibraryPane
          importButtons={<ImportButtons />}
          newArticleDialog={(close) => (
            <Suspense fallback={null}>
              <NewArticleDialog onClose={close} />
            </Suspense>
          )}
          notes={<NotesList />}
          tags={<TagBrowser />}
          footer={(collapsed) => <SyncPanel compact={collapsed} />}
        >
          <ImportFeature />
        </LibraryPane>
        <ReaderPane hidden={showing !== 'article'} />
        <Suspense fallback={null}>
          {showing === 'note' ? <NotePane /> : null}
          {showing === 'claims' ? <ClaimsView /> : null}
        </Suspense>
        <MarginPane />
      </div>
      <StatusRegion />
      <SearchHost />
      <ExportHost />
      <SyncHost />
      <EditConflictHost />
      <DamagedFilesDialog />
    </div>
  );
}
