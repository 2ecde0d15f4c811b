/**
 * A picked or dropped file → the `importArticle` argument that carries it, or why it cannot be
 * imported. The size is checked before a byte is read, so a 200 MB file costs nothing.
 */
import type { ApiArg } from '../../../src-main/common/api';
import { EMPTY_FILE_MESSAGE, IMPORT_LIMITS, UNSUPPORTED_FILE_MESSAGE, formatOfFileName, tooLargeMessage } from '../../../src-main/common/import-limits';

export type FileRead = { ok: true; arg: ApiArg<'importArticle'> } | { ok: false; message: string };

export async function readImportFile(file: File): Promise<FileRead> {
  const format = formatOfFileName(file.name);
  if (!format) return { ok: false, message: UNSUPPORTED_FILE_MESSAGE };
  if (file.size === 0) return { ok: false, message: EMPTY_FILE_MESSAGE };
  if (file.size > IMPORT_LIMITS[format]) return { ok: false, message: tooLargeMessage(format, file.size) };
  try {
    return { ok: true, arg: { format, encoding: 'base64', content: await base64Of(file), fileName: file.name } };
  } catch (error) {
    return { ok: false, message: `Marginalia could not read this file (${error instanceof Error ? error.message : String(error)}).` };
  }
}

/** The file's bytes as base64, encoded natively by FileReader (fast even for tens of megabytes). */
export function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}
