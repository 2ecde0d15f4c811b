/** Shown while articles are picked: how many, and what can be done to them all at once. */
import { FileDown, Trash2, X } from 'lucide-react';
import { clearSelection } from '../../state/library-view-selection';
import { formatCount } from '../../../src-main/common/counted';

export type BulkAction = 'add-tag' | 'remove-tag' | 'delete' | 'export';

export interface SelectionBarProps {
  count: number;
  onAction: (action: BulkAction) => void;
}

export function SelectionBar({ count, onAction }: SelectionBarProps) {
  return (
    <div className="selection-bar" role="toolbar" aria-label="Selected articles">
      <div className="selection-bar-row">
        <p className="selection-count">{formatCount(count)} selected</p>
        <button type="button" className="button button-small button-danger-quiet" onClick={() => onAction('delete')}>
          <Trash2 aria-hidden="true" size={14} />
          Delete…
        </button>
        <button type="button" className="button button-icon button-small" aria-label="Clear selection" title="Clear selection (Esc)" onClick={clearSelection}>
          <X aria-hidden="true" size={16} />
        </button>
      </div>
      <div className="selection-bar-row">
        {/* Text only: with icons the two do not fit side by side in a narrow library. */}
        <button type="button" className="button button-small selection-tag-button" onClick={() => onAction('add-tag')}>
          Add tag…
        </button>
        <button type="button" className="button button-small selection-tag-button" onClick={() => onAction('remove-tag')}>
          Remove tag…
        </button>
      </div>
      <div className="selection-bar-row">
        <button type="button" className="button button-small selection-tag-button" title="Export the picked articles' highlights" onClick={() => onAction('export')}>
          <FileDown aria-hidden="true" size={14} />
          Export…
        </button>
      </div>
    </div>
  );
}
