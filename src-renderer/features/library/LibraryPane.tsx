/**
 * The left pane: the app's name, the Claims view, the active tag filter, and three sections:
 * Articles (New article, sort and filters, the list), Notes, and the tag browser; at its foot,
 * what acts on the whole notebook (sharing and sync). Collapsible.
 * What other features put in the pane (import, the New article dialog, notes, tags, the foot)
 * comes in through props from `App`, so this feature does not import them.
 */
import { Suspense, useMemo, useState, type ReactNode } from 'react';
import { Library, PanelLeftClose, PanelLeftOpen, Plus, Scale } from 'lucide-react';
import { EmptyState } from '../../components/EmptyState';
import { openLibraryExport } from '../../state/export-scope';
import { loadLibrary } from '../../state/library-actions';
import { useSelection } from '../../state/library-view-selection';
import { useArticles } from '../../state/useArticles';
import { useOpenArticleId } from '../../state/useOpenArticleId';
import { flushNote } from '../../state/notes-actions';
import { show, useWorkspace } from '../../state/workspace-store';
import { ArticleList } from './ArticleList';
import { LibrarySections } from './LibrarySections';
import { TagFilterChip } from './TagFilterChip';
import { LibraryControls } from './LibraryControls';
import { SelectionBar, type BulkAction } from './SelectionBar';
import { lazyNamed } from '../../components/lazy-named';
import { useShownArticles } from './useShownArticles';

const DeleteSelectionDialog = lazyNamed(() => import('./DeleteSelectionDialog'), 'DeleteSelectionDialog');
const TagSelectionDialog = lazyNamed(() => import('./TagSelectionDialog'), 'TagSelectionDialog');

export interface LibraryPaneProps {
  /** Shown under New article: the ways to import articles. */
  importButtons: ReactNode;
  /** The New article dialog, while it is open; `close` ends it. */
  newArticleDialog: (close: () => void) => ReactNode;
  /** The Notes section. */
  notes: ReactNode;
  /** The Tags section. */
  tags: ReactNode;
  /** The foot of the pane, always in view; `collapsed` when the pane is a narrow rail. */
  footer?: (collapsed: boolean) => ReactNode;
  /** What else lives in the pane, after its dialogs (import's drop overlay and report). */
  children?: ReactNode;
}

export function LibraryPane({ importButtons, newArticleDialog, notes, tags, footer, children }: LibraryPaneProps) {
  const { articles, listed, complete, listFailed } = useArticles();
  const openId = useOpenArticleId();
  const shown = useShownArticles(articles);
  const selection = useSelection();
  const selected = useMemo(() => articles.filter((article) => selection.has(article.id)), [articles, selection]);
  const [collapsed, setCollapsed] = useState(false);
  const [adding, setAdding] = useState(false);
  const showing = useWorkspace();
  const [bulk, setBulk] = useState<BulkAction | null>(null);

  const toggle = (
    <button
      type="button"
      className="button button-icon"
      aria-controls="library-content"
      title={collapsed ? 'Show library' : 'Hide library'}
      onClick={() => setCollapsed(!collapsed)}
    >
      {collapsed ? <PanelLeftOpen aria-hidden="true" size={18} /> : <PanelLeftClose aria-hidden="true" size={18} />}
      <span className="visually-hidden">{collapsed ? 'Show library' : 'Hide library'}</span>
    </button>
  );

  let list: ReactNode = null;
  if (shown.length > 0) list = <ArticleList articles={shown} openId={openId} />;
  // Until the whole list is in, no rows may only mean the first rows of the view are empty.
  else if (articles.length > 0 && complete) list = <p className="library-none">No article matches these filters.</p>;
  else if (listFailed)
    list = (
      <div className="library-problem">
        <p>The library could not be loaded.</p>
        <button type="button" className="button" onClick={() => void loadLibrary()}>
          Try again
        </button>
      </div>
    );
  else if (listed && complete)
    list = (
      <EmptyState icon={<Library size={28} />}>
        Your library is empty. Add an article with New article.
      </EmptyState>
    );

  return (
    <aside className="pane library-pane" aria-label="Library" data-collapsed={collapsed || undefined}>
      <div className="library-header">
        {collapsed ? null : <p className="app-name">Marginalia</p>}
        {toggle}
      </div>
      <div id="library-content" className="library-content" hidden={collapsed}>
        <button
          type="button"
          className="library-nav-item"
          aria-pressed={showing === 'claims'}
          onClick={() => {
            void flushNote();
            show(showing === 'claims' ? 'article' : 'claims');
          }}
        >
          <Scale aria-hidden="true" size={16} />
          Claims
        </button>
        <TagFilterChip />
        <LibrarySections
          render={(section) =>
            section === 'Articles' ? (
              <>
                <button type="button" className="button button-primary new-article-button" onClick={() => setAdding(true)}>
                  <Plus aria-hidden="true" size={16} />
                  New article
                </button>
                {importButtons}
                {articles.length > 0 ? <LibraryControls articles={articles} shown={shown.length} complete={complete} /> : null}
                {selected.length > 0 ? (
                  <SelectionBar
                    count={selected.length}
                    onAction={(action) => (action === 'export' ? openLibraryExport(selected.map((article) => article.id), null) : setBulk(action))}
                  />
                ) : null}
                {list}
              </>
            ) : section === 'Notes' ? (
              notes
            ) : (
              tags
            )
          }
        />
      </div>
      {footer ? <div className="library-footer">{footer(collapsed)}</div> : null}
      {adding ? newArticleDialog(() => setAdding(false)) : null}
      {children}
      <Suspense fallback={null}>
        {bulk === 'delete' ? <DeleteSelectionDialog selected={selected} onClose={() => setBulk(null)} /> : null}
        {bulk === 'add-tag' || bulk === 'remove-tag' ? (
          <TagSelectionDialog mode={bulk === 'add-tag' ? 'add' : 'remove'} selected={selected} all={articles} onClose={() => setBulk(null)} />
        ) : null}
      </Suspense>
    </aside>
  );
}
