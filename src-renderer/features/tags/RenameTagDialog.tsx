/**
 * Renames a tag (and every tag under it) on every article, highlight, claim and note at once.
 * When the new name is a tag that already exists, the action becomes a merge and says so.
 * Either way it is one step that Undo takes back.
 */
import { useId, useRef, useState } from 'react';
import { tagSchema } from '../../../src-main/common/schema';
import { hasTag } from '../../../src-main/common/tags';
import { Dialog } from '../../components/Dialog';
import { DialogFormFooter } from '../../components/DialogFormFooter';
import { useDialogAction } from '../../components/useDialogAction';
import { renameOrMergeTag } from '../../state/tag-actions';

export interface RenameTagDialogProps {
  from: string;
  known: readonly string[];
  onClose: () => void;
}

export function RenameTagDialog({ from, known, onClose }: RenameTagDialogProps) {
  const [name, setName] = useState(from);
  const { error, setError, busy, run } = useDialogAction(onClose);
  const field = useRef<HTMLInputElement>(null);
  const fieldId = useId();
  const parsed = tagSchema.safeParse(name);
  const to = parsed.success ? parsed.data : null;
  const merge = to !== null && to !== from && hasTag(known, to);

  return (
    <Dialog title={`Rename tag “${from}”`} onClose={onClose} initialFocus={field} className="dialog-narrow">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'That is not a valid tag.');
          if (to === from) return onClose();
          void run(() => renameOrMergeTag(from, parsed.data, merge));
        }}
      >
        <div className="field">
          <label htmlFor={fieldId}>New name</label>
          <input
            ref={field}
            id={fieldId}
            type="text"
            value={name}
            aria-describedby={`${fieldId}-hint`}
            onChange={(event) => {
              setName(event.target.value);
              setError(null);
            }}
          />
          <p id={`${fieldId}-hint`} className="field-hint">
            {merge
              ? `“${to}” already exists. Merging puts everything tagged “${from}” under “${to}”.`
              : 'Every article, highlight, claim and note with this tag, or a tag under it, changes at once. Undo takes it back.'}
          </p>
        </div>
        <DialogFormFooter error={error} busy={busy} submit={merge ? 'Merge' : 'Rename'} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
