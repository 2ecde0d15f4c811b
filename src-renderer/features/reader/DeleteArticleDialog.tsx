/** Asks before deleting an article, naming it; a failed delete says why and stays open. */
import { useRef } from 'react';
import type { ArticleMeta } from '../../../src-main/common/model';
import { Dialog } from '../../components/Dialog';
import { DialogError } from '../../components/DialogError';
import { useDialogAction } from '../../components/useDialogAction';
import { deleteArticle } from '../../state/library-actions';

export interface DeleteArticleDialogProps {
  article: Pick<ArticleMeta, 'id' | 'title'>;
  onClose: () => void;
}

export function DeleteArticleDialog({ article, onClose }: DeleteArticleDialogProps) {
  const { error, busy: deleting, run } = useDialogAction(onClose);
  // Cancel takes focus first: Enter or Space right after opening must not destroy anything.
  const cancel = useRef<HTMLButtonElement>(null);

  const confirm = () => run(() => deleteArticle(article.id));

  return (
    <Dialog title="Delete article?" onClose={onClose} initialFocus={cancel} className="dialog-narrow">
      <p className="dialog-text">
        “<strong className="dialog-subject">{article.title}</strong>” will be removed from your library, with its
        highlights. Undo brings it back.
      </p>
      <DialogError error={error} />
      <div className="dialog-actions">
        <button ref={cancel} type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-danger" onClick={confirm} aria-disabled={deleting || undefined}>
          Delete
        </button>
      </div>
    </Dialog>
  );
}
