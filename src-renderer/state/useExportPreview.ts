/**
 * The export dialog's preview: `previewExport` with the dialog's arguments, asked again a
 * moment after they last change (a run of clicks asks once). The last preview stays shown
 * while the next is on its way, so the pane does not flicker; an answer to arguments no
 * longer chosen is dropped.
 */
import { useEffect, useState } from 'react';
import type { ExportPreview } from '../../src-main/common/export-schema';
import { notebook } from '../notebook-client';
import type { ExportArgs } from './export-dialog-store';

/** Wait after a change before asking for a preview. */
export const PREVIEW_DELAY_MS = 250;

export interface ExportPreviewState {
  preview: ExportPreview | null;
  /** Why there is no preview for the current arguments ("No highlights in this scope."). */
  error: string | null;
  /** A preview for the current arguments has not come yet. */
  loading: boolean;
}

export function useExportPreview(args: ExportArgs): ExportPreviewState {
  // The arguments are a fresh object at each render; their text says whether they changed.
  const key = JSON.stringify(args);
  const [answered, setAnswered] = useState<{ key: string; preview: ExportPreview | null; error: string | null } | null>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(async () => {
      const answer = await notebook.previewExport(JSON.parse(key) as ExportArgs);
      if (!current) return;
      setAnswered(answer.ok ? { key, preview: answer.value, error: null } : { key, preview: null, error: answer.error.message });
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);

  return { preview: answered?.preview ?? null, error: answered?.error ?? null, loading: answered?.key !== key };
}
