/**
 * The claims view: every claim with its evidence and the notes for and against it, filtered by
 * the window's tag filter and by "No evidence" or "Contested" (both supported and contradicted).
 */
import { useState } from 'react';
import { FileDown, Scale } from 'lucide-react';
import { filterClaims, type ClaimFilter } from '../../../src-main/common/claim-filters';
import { EmptyState } from '../../components/EmptyState';
import { openClaimsExport } from '../../state/export-scope';
import { useTagFilter } from '../../state/tag-filter-store';
import { useClaims } from '../../state/useClaims';
import { ClaimCard } from './ClaimCard';

const FILTERS: { value: ClaimFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'no-evidence', label: 'No evidence' },
  { value: 'contested', label: 'Contested' },
];

export function ClaimsView() {
  const claims = useClaims();
  const tag = useTagFilter();
  const [filter, setFilter] = useState<ClaimFilter>('all');
  const shown = filterClaims(claims, filter, tag);

  let content;
  if (claims.length === 0) {
    content = (
      <EmptyState icon={<Scale size={32} />}>No claims yet. Select a passage in an article and press Claim (or c).</EmptyState>
    );
  } else if (shown.length === 0) {
    content = <EmptyState icon={<Scale size={32} />}>No claim matches these filters.</EmptyState>;
  } else {
    content = (
      <ol className="claim-list" aria-label="Claims">
        {shown.map((claim) => (
          <li key={claim.id}>
            <ClaimCard claim={claim} />
          </li>
        ))}
      </ol>
    );
  }

  return (
    <main className="pane reader-pane claims-pane" aria-label="Claims">
      <div className="reader-toolbar claims-toolbar">
        <h1 className="claims-title">Claims</h1>
        <span className="claims-count">
          {shown.length === claims.length ? `${claims.length} in all` : `${shown.length} of ${claims.length}`}
        </span>
        <span className="toolbar-spacer" />
        <div className="segmented" role="radiogroup" aria-label="Show">
          {FILTERS.map((option) => (
            <label key={option.value} className="segment">
              <input type="radio" name="claim-filter" value={option.value} checked={filter === option.value} onChange={() => setFilter(option.value)} />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
        <button
          type="button"
          className="button button-quiet"
          aria-label="Export…"
          title="Export the claims shown, with their evidence"
          disabled={shown.length === 0}
          onClick={() => openClaimsExport(shown.map((claim) => claim.id), tag, filter !== 'all')}
        >
          <FileDown aria-hidden="true" size={16} />
          <span>Export</span>
        </button>
      </div>
      <div className="claims-content">{content}</div>
    </main>
  );
}
