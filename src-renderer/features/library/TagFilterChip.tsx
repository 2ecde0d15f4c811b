/** Shows the window's tag filter while one is set, with a button that clears it. */
import { Filter, X } from 'lucide-react';
import { setTagFilter, useTagFilter } from '../../state/tag-filter-store';

export function TagFilterChip() {
  const tag = useTagFilter();
  if (tag === null) return null;
  return (
    <div className="tag-filter-chip" role="status">
      <Filter aria-hidden="true" size={14} />
      <span className="tag-filter-text">
        Tagged <strong>{tag}</strong>
      </span>
      <button type="button" className="button button-icon tag-filter-clear" aria-label={`Clear the filter ${tag}`} title="Show everything" onClick={() => setTagFilter(null)}>
        <X aria-hidden="true" size={14} />
      </button>
    </div>
  );
}
