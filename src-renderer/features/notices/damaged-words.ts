/** How the damaged files notice and dialog name an entry, in words. */
import type { DamagedFile } from '../../../src-main/common/model';

const NOUNS = { article: 'The article', claim: 'The claim', note: 'The note' } as const;

/**
 * "The claim “Trust follows shared work”" (a heading), or "the claim …" inside a sentence; the
 * file's path when the record is not known.
 */
export function damagedSubject(entry: DamagedFile, { inSentence = false } = {}): string {
  const { record } = entry;
  if (!record) return entry.file;
  const noun = inSentence ? NOUNS[record.kind].toLowerCase() : NOUNS[record.kind];
  return record.title ? `${noun} “${record.title}”` : `${noun} in ${entry.file}`;
}

/** "1 file of your notebook was set aside", "3 files …". */
export function damagedCount(count: number): string {
  return count === 1 ? 'A file of your notebook could not be read and was set aside' : `${count} files of your notebook could not be read and were set aside`;
}

/** When, in the window's own locale: "1 Dec 2026, 09:00". */
export function setAsideWhen(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
