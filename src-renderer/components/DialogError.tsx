/** A dialog's failure message, announced as an alert; nothing when there is none. */
export function DialogError({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="dialog-error">
      {error}
    </p>
  ) : null;
}
