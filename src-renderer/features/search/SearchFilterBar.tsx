/** The filters under the search box: kind, tag, colour and article, as labelled selects. */
import { useEffect, useId, useState } from 'react';
import { HIGHLIGHT_COLORS } from '../../../src-main/common/highlight-colors';
import type { HighlightColor } from '../../../src-main/common/model';
import type { SearchFilters, SearchKind } from '../../../src-main/common/search-schema';
import { notebook } from '../../notebook-client';
import { useArticles } from '../../state/useArticles';
import { useLegend } from '../../state/useLegend';
import { colorName } from '../../components/ColorSwatch';
import { GROUP_LABELS } from '../../state/search-result-groups';
import { setSearchFilters } from '../../state/search-actions';

function FilterSelect({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: React.ReactNode }) {
  const id = useId();
  return (
    <div className="search-filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} data-active={value !== '' || undefined}>
        {children}
      </select>
    </div>
  );
}

export function SearchFilterBar({ filters }: { filters: SearchFilters }) {
  const { articles } = useArticles();
  const legend = useLegend();
  const [tags, setTags] = useState<string[]>([]);

  useEffect(() => {
    let live = true;
    void notebook.listTags({}).then((answer) => {
      if (live && answer.ok) setTags(answer.value.map((t) => t.tag));
    });
    return () => {
      live = false;
    };
  }, []);

  const articleTitles = [...articles].sort((a, b) => a.title.localeCompare(b.title));
  return (
    <div className="search-filters" role="group" aria-label="Filters">
      <FilterSelect label="Kind" value={filters.kind ?? ''} onChange={(v) => setSearchFilters({ kind: (v || undefined) as SearchKind | undefined })}>
        <option value="">Everything</option>
        {(Object.keys(GROUP_LABELS) as SearchKind[]).map((kind) => (
          <option key={kind} value={kind}>
            {GROUP_LABELS[kind]}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label="Tag" value={filters.tag ?? ''} onChange={(v) => setSearchFilters({ tag: v || undefined })}>
        <option value="">Any tag</option>
        {tags.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label="Colour" value={filters.color ?? ''} onChange={(v) => setSearchFilters({ color: (v || undefined) as HighlightColor | undefined })}>
        <option value="">Any colour</option>
        {HIGHLIGHT_COLORS.map((color) => (
          <option key={color} value={color}>
            {colorName(color)} — {legend[color]}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label="Article" value={filters.articleId ?? ''} onChange={(v) => setSearchFilters({ articleId: v || undefined })}>
        <option value="">All articles</option>
        {articleTitles.map((article) => (
          <option key={article.id} value={article.id}>
            {article.title}
          </option>
        ))}
      </FilterSelect>
    </div>
  );
}
