/** Asks before deleting the selected articles, naming how many articles and highlights go. */
import { useRef } from 'react';
import type { ArticleListing } from '../../../src-main/common/model';
import { Dialog } from '../../components/Dialog';
import { DialogError } from '../../components/DialogError';
import { useDialogAction } from '../../components/useDialogAction';
import { deleteArticles } from '../../state/library-view-actions';
import { counted, formatCount } from '../../../src-main/common/counted';

export interface DeleteSelectionDialogProps {
  selected: ArticleListing[];
  onClose: () => void;
}

/** How many titles the dialog names before it says "and N more". */
const NAMED = 3;

export function DeleteSelectionDialog({ selected, onClose }: DeleteSelectionDialogProps) {
  const { error, busy, run } = useDialogAction(onClose);
  // Cancel takes focus first: Enter right after opening must not destroy anything.
  const cancel = useRef<HTMLButtonElement>(null);
  const count = selected.length;
  const highlights = selected.reduce((sum, article) => sum + article.annotationCount, 0);
  const articles = counted(count, 'article');
  const marks = counted(highlights, 'highlight');

  return (
    <Dialog title={`Delete ${articles}?`} onClose={onClose} initialFocus={cancel} className="dialog-narrow">
      <p className="dialog-text">
        {articles} {highlights > 0 ? <>and their {marks}</> : null} will be removed from your library. Undo brings them back.
      </p>
      <ul className="dialog-list">
        {selected.slice(0, NAMED).map((article) => (
          <li key={article.id} className="dialog-subject">
            {article.title}
          </li>
        ))}
        {count > NAMED ? <li>and {formatCount((count - NAMED))} more</li> : null}
      </ul>
      <DialogError error={error} />
      <div className="dialog-actions">
        <button ref={cancel} type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-danger"
          aria-disabled={busy || undefined}
          onClick={() => void run(() => deleteArticles(selected.map((article) => article.id)))}
        >
          Delete {articles}
        </button>
      </div>
    </Dialog>
  );
}
