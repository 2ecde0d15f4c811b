/** Asks before deleting an article, naming it; a failed delete says why and stays open. */
import { useRef, useState } from 'react';
import type { ArticleMeta } from '../../../src-main/common/model';
import { Dialog } from '../../components/Dialog';
import { deleteArticle } from '../../state/library-actions';

export interface DeleteArticleDialogProps {
  article: Pick<ArticleMeta, 'id' | 'title'>;
  onClose: () => void;
}

export function DeleteArticleDialog({ article, onClose }: DeleteArticleDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  // Cancel takes focus first: Enter or Space right after opening must not destroy anything.
  const cancel = useRef<HTMLButtonElement>(null);

  async function confirm() {
    if (deleting) return;
    setDeleting(true);
    setError(null);
    const answer = await deleteArticle(article.id);
    if (answer.ok) {
      onClose();
      return;
    }
    setDeleting(false);
    setError(answer.error.message);
  }

  return (
    <Dialog title="Delete article?" onClose={onClose} initialFocus={cancel} className="dialog-narrow">
      <p className="dialog-text">
        “<strong className="dialog-subject">{article.title}</strong>” will be removed from your library. This
        cannot be undone.
      </p>
      {error ? (
        <p role="alert" className="dialog-error">
          {error}
        </p>
      ) : null}
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
