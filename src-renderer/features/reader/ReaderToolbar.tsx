import type { Ref } from 'react';
import { PencilLine, Trash2 } from 'lucide-react';

export interface ReaderToolbarProps {
  renameButton: Ref<HTMLButtonElement>;
  onRename: () => void;
  onDelete: () => void;
}

/**
 * The quiet strip above the open article. Buttons show a short word beside their icon; their
 * accessible names start with that word, so speech users can say what they see.
 */
export function ReaderToolbar({ renameButton, onRename, onDelete }: ReaderToolbarProps) {
  return (
    <div className="reader-toolbar">
      <button ref={renameButton} type="button" className="button button-quiet" aria-label="Rename article" onClick={onRename}>
        <PencilLine aria-hidden="true" size={16} />
        <span>Rename</span>
      </button>
      <button type="button" className="button button-quiet" aria-label="Delete article" onClick={onDelete}>
        <Trash2 aria-hidden="true" size={16} />
        <span>Delete</span>
      </button>
    </div>
  );
}
