import type { Ref } from 'react';
import { FileDown, FilePen, PencilLine, Redo2, Search, Trash2, Undo2 } from 'lucide-react';
import { redo, undo } from '../../state/history-actions';
import { useHistoryState } from '../../state/useHistoryState';
import { openSearchDialog } from '../../state/search-actions';

export interface ReaderToolbarProps {
  renameButton: Ref<HTMLButtonElement>;
  onRename: () => void;
  onDelete: () => void;
  onEditDetails: () => void;
  /** Opens the export dialog on this article. */
  onExport: () => void;
}

/**
 * The quiet strip above the open article. Buttons show a short word beside their icon; their
 * accessible names start with that word, so speech users can say what they see.
 */
export function ReaderToolbar({ renameButton, onRename, onDelete, onEditDetails, onExport }: ReaderToolbarProps) {
  const history = useHistoryState();
  return (
    <div className="reader-toolbar">
      <button
        type="button"
        className="button button-quiet"
        aria-label="Undo"
        title={history.undo ? `Undo ${history.undo.label} (Ctrl+Z)` : 'Nothing to undo'}
        disabled={!history.undo}
        onClick={() => void undo()}
      >
        <Undo2 aria-hidden="true" size={16} />
        <span>Undo</span>
      </button>
      <button
        type="button"
        className="button button-quiet"
        aria-label="Redo"
        title={history.redo ? `Redo ${history.redo.label} (Ctrl+Shift+Z)` : 'Nothing to redo'}
        disabled={!history.redo}
        onClick={() => void redo()}
      >
        <Redo2 aria-hidden="true" size={16} />
        <span>Redo</span>
      </button>
      <span className="toolbar-spacer" aria-hidden="true" />
      <button type="button" className="button button-quiet" aria-label="Search" title="Search the notebook (Ctrl+K or /)" onClick={openSearchDialog}>
        <Search aria-hidden="true" size={16} />
        <span>Search</span>
      </button>
      <button ref={renameButton} type="button" className="button button-quiet" aria-label="Rename article" onClick={onRename}>
        <PencilLine aria-hidden="true" size={16} />
        <span>Rename</span>
      </button>
      <button type="button" className="button button-quiet" aria-label="Edit details…" onClick={onEditDetails}>
        <FilePen aria-hidden="true" size={16} />
        <span>Details</span>
      </button>
      <button type="button" className="button button-quiet" aria-label="Export…" title="Export this article's highlights" onClick={onExport}>
        <FileDown aria-hidden="true" size={16} />
        <span>Export</span>
      </button>
      <button type="button" className="button button-quiet" aria-label="Delete article" onClick={onDelete}>
        <Trash2 aria-hidden="true" size={16} />
        <span>Delete</span>
      </button>
    </div>
  );
}
