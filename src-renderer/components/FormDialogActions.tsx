/** The foot of a dialog's form: Cancel, then the submit button (which says when it is busy). */
export interface FormDialogActionsProps {
  onCancel: () => void;
  submitLabel: string;
  /** While set, the submit button shows this label and is marked disabled (it stays focusable). */
  busyLabel?: string | undefined;
  busy?: boolean;
}

export function FormDialogActions({ onCancel, submitLabel, busyLabel, busy = false }: FormDialogActionsProps) {
  return (
    <div className="dialog-actions">
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
        {busy && busyLabel ? busyLabel : submitLabel}
      </button>
    </div>
  );
}
