/**
 * The foot of a dialog's form: the failure message, then Cancel and the submit button
 * (left out when there is nothing to submit), which stays focusable but inert while busy.
 */
import { DialogError } from './DialogError';

export interface DialogFormFooterProps {
  error: string | null;
  busy: boolean;
  /** The submit button's label; none means no submit button. */
  submit: string | null;
  onCancel: () => void;
}

export function DialogFormFooter({ error, busy, submit, onCancel }: DialogFormFooterProps) {
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
