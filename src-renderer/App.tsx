import { LibraryPane } from './features/library/LibraryPane';
import { MarginPane } from './features/margin/MarginPane';
import { QuarantineBanner } from './features/notices/QuarantineBanner';
import { StatusRegion } from './features/notices/StatusRegion';
import { ReaderPane } from './features/reader/ReaderPane';
import { useMenuCommands } from './features/reader/useMenuCommands';
import { useUndoKeys } from './features/reader/useUndoKeys';
import { SearchHost } from './features/search/SearchDialog';

/** The window: notices on top, the three panes, the status line at the foot. */
export function App() {
  useUndoKeys();
  useMenuCommands();
  return (
    <div className="app">
      <QuarantineBanner />
      <div className="shell">
        <LibraryPane />
        <ReaderPane />
        <MarginPane />
      </div>
      <StatusRegion />
      <SearchHost />
    </div>
  );
}
