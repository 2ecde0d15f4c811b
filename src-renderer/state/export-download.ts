/**
 * Hands an exported file to the person: a Blob behind a link with `download`, clicked. The
 * desktop app then shows its native Save dialog (Electron asks where to save any download
 * the page has not placed); in browser mode the browser downloads it as it does any file.
 */
import type { ExportResult } from '../../src-main/common/export-schema';

/** The file's bytes: text as UTF-8, PDF and Word decoded from base64. */
export function exportBlob(result: Pick<ExportResult, 'content' | 'encoding' | 'mimeType'>): Blob {
  if (result.encoding === 'utf8') return new Blob([result.content], { type: result.mimeType });
  const binary = atob(result.content);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return new Blob([bytes], { type: result.mimeType });
}

/** Long enough for the browser to have read the Blob; revoked then so it does not pile up. */
const KEEP_URL_MS = 60_000;

export function downloadExport(result: ExportResult): void {
  const url = URL.createObjectURL(exportBlob(result));
  const link = document.createElement('a');
  link.href = url;
  link.download = result.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), KEEP_URL_MS);
}
