/**
 * Asks before deleting a highlight that claims or notes cite, naming them. Cancel takes focus
 * first; Delete removes the highlight from them too, in one step that undo reverses.
 */
import { useRef } from 'react';
import type { AnnotationUsage } from '../../../src-main/common/model';
import { Dialog } from '../../components/Dialog';
import { cancelDeleteRequest, confirmDeleteRequest } from '../../state/annotation-actions';
import { useDeleteRequest } from '../../state/useDeleteRequest';

const quoted = (items: string[]) => items.map((item) => `“${item}”`).join(', ');

/** The sentences that say what deleting the highlight will affect. */
export function describeUsage({ claims, notes }: AnnotationUsage): string[] {
  const sentences: string[] = [];
  if (claims.length > 0) {
    const noun = claims.length === 1 ? 'claim' : 'claims';
    sentences.push(`This passage is evidence for ${claims.length} ${noun}: ${quoted(claims.map((claim) => claim.statement))}.`);
  }
  if (notes.length > 0) {
    const verb = notes.length === 1 ? 'note links' : 'notes link';
    const list = notes.map((note) => `“${note.noteTitle}” (${note.relation})`).join(', ');
    sentences.push(`${notes.length} ${verb} to it: ${list}.`);
  }
  return sentences;
}

export function DeleteHighlightDialog() {
  const request = useDeleteRequest();
  if (!request) return null;
  return <DeleteHighlightQuestion key={request.id} usage={request.usage} />;
}

function DeleteHighlightQuestion({ usage }: { usage: AnnotationUsage }) {
  // Cancel takes focus first: Enter or Space right after opening must not destroy anything.
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <Dialog title="Delete highlight?" onClose={cancelDeleteRequest} initialFocus={cancel} className="dialog-narrow">
      <p className="dialog-text">
        {describeUsage(usage).join(' ')} Deleting removes it from them; you can undo.
      </p>
      <div className="dialog-actions">
        <button ref={cancel} type="button" className="button" onClick={cancelDeleteRequest}>
          Cancel
        </button>
        <button type="button" className="button button-danger" onClick={() => void confirmDeleteRequest()}>
          Delete
        </button>
      </div>
    </Dialog>
  );
}
