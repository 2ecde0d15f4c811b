/**
 * The foot of a library form dialog: the failure message, then Cancel and the submit button
 * (left out when there is nothing to submit), which stays focusable but inert while busy.
 */
import { DialogError } from '../../components/DialogError';

export interface FormDialogFooterProps {
  error: string | null;
  busy: boolean;
  /** The submit button's label; none means no submit button. */
  submit: string | null;
  onCancel: () => void;
}

export function FormDialogFooter({ error, busy, submit, onCancel }: FormDialogFooterProps) {
  return (
    <>
      <DialogError error={error} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        {submit ? (
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
            {submit}
          </button>
        ) : null}
      </div>
    </>
  );
}
