/** The left pane: the app's name, New article, and the list of articles. Collapsible. */
import { useState } from 'react';
import { Library, PanelLeftClose, PanelLeftOpen, Plus } from 'lucide-react';
import { EmptyState } from '../../components/EmptyState';
import { loadLibrary } from '../../state/library-actions';
import { useArticles } from '../../state/useArticles';
import { useOpenArticleId } from '../../state/useOpenArticleId';
import { ImportButtons } from '../import/ImportButtons';
import { ImportFeature } from '../import/ImportFeature';
import { NewArticleDialog } from '../new-article/NewArticleDialog';
import { ArticleList } from './ArticleList';

export function LibraryPane() {
  const { articles, listed, listFailed } = useArticles();
  const openId = useOpenArticleId();
  const [collapsed, setCollapsed] = useState(false);
  const [adding, setAdding] = useState(false);

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

  let list;
  if (articles.length > 0) list = <ArticleList articles={articles} openId={openId} />;
  else if (listFailed)
    list = (
      <div className="library-problem">
        <p>The library could not be loaded.</p>
        <button type="button" className="button" onClick={() => void loadLibrary()}>
          Try again
        </button>
      </div>
    );
  else if (listed)
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
        <button type="button" className="button button-primary new-article-button" onClick={() => setAdding(true)}>
          <Plus aria-hidden="true" size={16} />
          New article
        </button>
        <ImportButtons />
        {list}
      </div>
      {adding ? <NewArticleDialog onClose={() => setAdding(false)} /> : null}
      <ImportFeature />
    </aside>
  );
}
