import { LibraryPane } from './features/library/LibraryPane';
import { MarginPane } from './features/margin/MarginPane';
import { QuarantineBanner } from './features/notices/QuarantineBanner';
import { StatusRegion } from './features/notices/StatusRegion';
import { ReaderPane } from './features/reader/ReaderPane';
import { ClaimsView } from './features/claims/ClaimsView';
import { NotePane } from './features/notes/NotePane';
import { useWorkspace } from './state/workspace-store';
import { useMenuCommands } from './features/reader/useMenuCommands';
import { useUndoKeys } from './features/reader/useUndoKeys';
import { SearchHost } from './features/search/SearchDialog';

/**
 * The window: notices on top, the three panes, the status line at the foot. The centre shows
 * the reader, a note or the claims view; the reader stays mounted behind the others so its
 * place in the article is kept.
 */
export function App() {
  const showing = useWorkspace();
  useUndoKeys();
  useMenuCommands();
  return (
    <div className="app">
      <QuarantineBanner />
      <div className="shell">
        <LibraryPane />
        <ReaderPane hidden={showing !== 'article'} />
        {showing === 'note' ? <NotePane /> : null}
        {showing === 'claims' ? <ClaimsView /> : null}
        <MarginPane />
      </div>
      <StatusRegion />
      <SearchHost />
    </div>
  );
}
