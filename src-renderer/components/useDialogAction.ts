/**
 * The one way a dialog runs its action: one run at a time, the dialog closes on success, and
 * on failure it stays open with the main side's message (nothing the user typed is lost).
 */
import { useState } from 'react';
import type { ApiResponse } from '../../src-main/common/api';

export function useDialogAction(onDone: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<ApiResponse<unknown>>): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    const answer = await action();
    if (answer.ok) {
      onDone();
      return;
    }
    setBusy(false);
    setError(answer.error.message);
  }

  return { error, setError, busy, run };
}
