/**
 * Says, for as long as the window is open, that the notebook's folder may not be written: it was
 * opened read-only, so it can be read, searched and exported, and every change is refused with
 * these same words. Not dismissible: every edit would otherwise fail without the reason in view.
 */
import { Lock } from 'lucide-react';
import { useNotebookStatus } from '../../state/useNotebookStatus';

export function ReadOnlyNotice() {
  const { notebook } = useNotebookStatus();
  if (!notebook?.readOnly) return null;
  return (
    <div className="banner banner-warning" role="alert" aria-label="Read-only notebook">
      <Lock className="banner-icon" aria-hidden="true" size={18} />
      <p className="banner-text">{notebook.readOnly}</p>
    </div>
  );
}
