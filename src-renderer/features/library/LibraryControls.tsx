/**
 * Above the article list: sort order, a Filter panel (tag, source, has highlights, unread),
 * the active filters as removable chips, and how many articles are shown.
 */
import { ArrowDownNarrowWide, ArrowUpNarrowWide, FileDown, ListFilter, X } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import type { ArticleListing } from '../../../src-main/common/model';
import { setLibraryFilter, setSort, SORT_KEYS, useLibraryView, type SortKey } from '../../state/library-view-store';
import { libraryExportHint, openLibraryExport } from '../../state/export-scope';
import { useSelection } from '../../state/library-view-selection';
import { setTagFilter, useTagFilter } from '../../state/tag-filter-store';
import { sourcesOf } from '../../../src-main/common/library-view';
import { tagsWithParents } from './library-tags';
import { counted, formatCount } from '../../../src-main/common/counted';

const SORT_LABELS: Record<SortKey, string> = { added: 'Date added', published: 'Date published', title: 'Title', source: 'Source' };

function orderLabel(sort: SortKey, descending: boolean): string {
  if (sort === 'added' || sort === 'published') return descending ? 'Newest first' : 'Oldest first';
  return descending ? 'Z to A' : 'A to Z';
}

export interface LibraryControlsProps {
  /** Every article in the notebook. */
  articles: ArticleListing[];
  /** How many the filters let through. */
  shown: number;
  /** False while `articles` holds only the first rows of the view. */
  complete: boolean;
}

export function LibraryControls({ articles, shown, complete }: LibraryControlsProps) {
  const view = useLibraryView();
  const tag = useTagFilter();
  const picked = useSelection().size;
  const [filtersOpen, setFiltersOpen] = useState(false);
  const id = useId();
  const sources = useMemo(() => (filtersOpen ? sourcesOf(articles) : []), [articles, filtersOpen]);
  const tags = useMemo(() => (filtersOpen ? tagsWithParents(articles) : []), [articles, filtersOpen]);

  const chips: { key: string; label: string; remove: () => void }[] = [];
  // The tag filter has its own chip above the sections (it filters notes, margin and claims too).
  if (view.source !== null) chips.push({ key: 'source', label: `Source: ${view.source}`, remove: () => setLibraryFilter({ source: null }) });
  if (view.annotated) chips.push({ key: 'annotated', label: 'Has highlights', remove: () => setLibraryFilter({ annotated: false }) });
  if (view.unread) chips.push({ key: 'unread', label: 'Unread', remove: () => setLibraryFilter({ unread: false }) });
  const Arrow = view.descending ? ArrowDownNarrowWide : ArrowUpNarrowWide;

  return (
    <div className="library-controls">
      <div className="library-control-row">
        <label className="sort-field">
          <span className="visually-hidden">Sort by</span>
          <select className="select" value={view.sort} onChange={(event) => setSort(event.target.value as SortKey)}>
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {SORT_LABELS[key]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button-icon"
          aria-label={`Order: ${orderLabel(view.sort, view.descending)}`}
          title={`${orderLabel(view.sort, view.descending)} (click to reverse)`}
          onClick={() => setLibraryFilter({ descending: !view.descending })}
        >
          <Arrow aria-hidden="true" size={16} />
        </button>
        {/* Icon only, so the sort menu keeps room for "Date published" in a narrow pane. */}
        <button
          type="button"
          className="button button-icon filter-toggle"
          aria-label="Filter"
          title={filtersOpen ? 'Hide filters' : 'Filter the list'}
          aria-expanded={filtersOpen}
          aria-controls={filtersOpen ? `${id}-filters` : undefined}
          onClick={() => setFiltersOpen(!filtersOpen)}
        >
          <ListFilter aria-hidden="true" size={16} />
          {chips.length > 0 ? (
            <span className="filter-count" aria-hidden="true">
              {chips.length}
            </span>
          ) : null}
        </button>
      </div>
      {/* Built only while open: a library of 10,000 sources would otherwise render 10,000
          hidden options at start. */}
      {filtersOpen ? (
        <div id={`${id}-filters`} className="library-filters">
          <label className="filter-field">
            <span>Tag</span>
            <select className="select" value={tag ?? ''} onChange={(event) => setTagFilter(event.target.value || null)}>
              <option value="">Any tag</option>
              {tag !== null && !tags.includes(tag) ? <option value={tag}>{tag}</option> : null}
              {tags.map((each) => (
                <option key={each} value={each}>
                  {each}
                </option>
              ))}
            </select>
          </label>
          <label className="filter-field">
            <span>Source</span>
            <select className="select" value={view.source ?? ''} onChange={(event) => setLibraryFilter({ source: event.target.value || null })}>
              <option value="">Any source</option>
              {view.source !== null && !sources.some((s) => s.source === view.source) ? <option value={view.source}>{view.source}</option> : null}
              {sources.map(({ source, count: n }) => (
                <option key={source} value={source}>
                  {source} ({n})
                </option>
              ))}
            </select>
          </label>
          <label className="check-field">
            <input type="checkbox" checked={view.annotated} onChange={(event) => setLibraryFilter({ annotated: event.target.checked })} />
            Has highlights
          </label>
          <label className="check-field">
            <input type="checkbox" checked={view.unread} onChange={(event) => setLibraryFilter({ unread: event.target.checked })} />
            Unread
          </label>
        </div>
      ) : null}
      {chips.length > 0 ? (
        <ul className="filter-chips" aria-label="Active filters">
          {chips.map((chip) => (
            <li key={chip.key} className="filter-chip">
              <span className="filter-chip-label" title={chip.label}>
                {chip.label}
              </span>
              <button type="button" className="filter-chip-remove" aria-label={`Remove filter ${chip.label}`} onClick={chip.remove}>
                <X aria-hidden="true" size={12} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="library-count-row">
        <p className="library-count" aria-live="polite">
          {!complete ? 'Listing articles…' : chips.length > 0 ? `${formatCount(shown)} of ${counted(articles.length, 'article')}` : counted(articles.length, 'article')}
        </p>
        {/* Picked articles are exported from the selection bar, with the other bulk actions. */}
        {picked === 0 ? (
          <button type="button" className="button button-quiet button-small" title={libraryExportHint(tag)} onClick={() => openLibraryExport([], tag)}>
            <FileDown aria-hidden="true" size={14} />
            Export…
          </button>
        ) : null}
      </div>
    </div>
  );
}
