/**
 * What the main side warns of when the notebook opens — it is open on another machine too,
 * through a synced folder — until the person has read it.
 */
import { Users, X } from 'lucide-react';
import { dismissWarnings } from '../../state/status-store';
import { useNotebookStatus } from '../../state/useNotebookStatus';

export function WarningsBanner() {
  const { notebook, warningsDismissed } = useNotebookStatus();
  const warnings = notebook?.warnings ?? [];
  if (warningsDismissed || warnings.length === 0) return null;
  return (
    <div className="banner banner-warning" role="alert">
      <Users className="banner-icon" aria-hidden="true" size={18} />
      <p className="banner-text">{warnings.join(' ')}</p>
      <button type="button" className="button button-icon" aria-label="Dismiss warning" onClick={dismissWarnings}>
        <X aria-hidden="true" size={16} />
      </button>
    </div>
  );
}
