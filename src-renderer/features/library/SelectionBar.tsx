/** Shown while articles are picked: how many, and what can be done to them all at once. */
import { TagPlus, TagX, Trash2, X } from 'lucide-react';
import { clearSelection } from '../../state/library-view-selection';

export type BulkAction = 'add-tag' | 'remove-tag' | 'delete';

export interface SelectionBarProps {
  count: number;
  onAction: (action: BulkAction) => void;
}

export function SelectionBar({ count, onAction }: SelectionBarProps) {
  return (
    <div className="selection-bar" role="toolbar" aria-label="Selected articles">
      <div className="selection-bar-head">
        <p className="selection-count">{count.toLocaleString('en')} selected</p>
        <button type="button" className="button button-quiet button-small" onClick={clearSelection}>
          <X aria-hidden="true" size={14} />
          Clear selection
        </button>
      </div>
      <div className="selection-bar-actions">
        <button type="button" className="button button-small" onClick={() => onAction('add-tag')}>
          <TagPlus aria-hidden="true" size={14} />
          Add tag…
        </button>
        <button type="button" className="button button-small" onClick={() => onAction('remove-tag')}>
          <TagX aria-hidden="true" size={14} />
          Remove tag…
        </button>
        <button type="button" className="button button-small button-danger-quiet" onClick={() => onAction('delete')}>
          <Trash2 aria-hidden="true" size={14} />
          Delete…
        </button>
      </div>
    </div>
  );
}
