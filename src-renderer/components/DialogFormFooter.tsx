/**
 * The foot of a dialog's form: the main side's message when the action failed, then Cancel
 * and the submit button (marked busy while the action runs, so a second press does nothing).
 */
import { DialogError } from './DialogError';

export interface DialogFormFooterProps {
  error: string | null;
  busy: boolean;
  submitLabel: string;
  onCancel: () => void;
}

export function DialogFormFooter({ error, busy, submitLabel, onCancel }: DialogFormFooterProps) {
  return (
    <>
      <DialogError error={error} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
