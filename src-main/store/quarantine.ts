/**
 * Sets aside a file that cannot be read, so the rest of the notebook still opens: a damaged file
 * is moved to `backups/quarantine/` (never deleted, never written over), and a file a newer
 * Marginalia wrote is left where it is, untouched. Either way it goes on the damaged files list
 * (damaged-files.ts), with a good copy of its record kept beside it when the caller has one.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { DamagedFile, QuarantinedFile } from '../common/model';
import { writeFileAtomic } from './atomic-file';
import { GOOD_COPY_SUFFIX, openDamagedList, type DamagedList } from './damaged-files';
import { QUARANTINE_DIR } from './notebook-files';
import type { UnreadableFileError } from './validated-json-file';

/** What the caller knows of the file it sets aside. */
export interface SetAsideAbout {
  record?: DamagedFile['record'];
  /** A good copy of the record, as its file holds it (from the metadata cache or a snapshot), for "Restore from backup". */
  goodCopy?: unknown;
  /** Words added to the reason (what was done instead: "the colour legend was restored …"). */
  outcome?: string;
}

/** Where the file is now, in words: the end of a sentence that names it. */
export function whereNow(entry: Pick<DamagedFile, 'movedTo'>): string {
  return entry.movedTo === null ? 'It was left where it is, unchanged' : `It was moved to ${entry.movedTo}`;
}

export type SetAside = Quarantine['setAside'];

/** The files an open notebook has set aside, oldest first, and how each part of it sets one aside. */
export interface Quarantine {
  /** Set aside since the notebook was opened. */
  readonly files: QuarantinedFile[];
  /** Every entry of the damaged files list, this session's and earlier ones'. */
  readonly damaged: DamagedList;
  /** Moves the file to backups/quarantine/ (or leaves a newer one), lists it, and returns its entry. */
  setAside(error: UnreadableFileError, about?: SetAsideAbout): Promise<DamagedFile>;
}

/**
 * `readOnly` (the words of folder-access.ts): the notebook is open read-only, so a damaged file is
 * left where it is and listed for this session only; nothing is moved or written.
 */
export async function quarantineFor(dir: string, now: () => Date, readOnly?: string): Promise<Quarantine> {
  const files: QuarantinedFile[] = [];
  const damaged = await openDamagedList(dir, now, readOnly !== undefined);
  /**
   * Two parts may find the same file damaged at once (the search index taking in a changed note
   * while the files changed since the last session are looked at): the second gets the first's entry.
   */
  const settingAside = new Map<string, Promise<DamagedFile>>();
  const setAside: SetAside = async (error, about = {}) => {
    const at = now();
    const stamp = at.toISOString().replace(/[:.]/g, '-');
    let movedTo: string | null = null;
    if (readOnly !== undefined) {
      const entry = await damaged.add({
        file: relative(dir, error.path),
        movedTo: null,
        reason: `${error.reason}. It is not shown, and could not be set aside: the folder is read-only`,
        at: at.toISOString(),
        ...(about.record ? { record: about.record } : {}),
      });
      files.push({ file: entry.file, movedTo: entry.file, reason: entry.reason });
      return entry;
    }
    if (!error.newer) {
      await mkdir(join(dir, QUARANTINE_DIR), { recursive: true });
      const target = join(dir, QUARANTINE_DIR, `${stamp}-${basename(error.path)}`);
      await rename(error.path, target);
      movedTo = relative(dir, target);
    }
    let backup: string | undefined;
    if (about.goodCopy !== undefined) {
      const copy = join(dir, QUARANTINE_DIR, `${stamp}-${basename(error.path, '.json')}${GOOD_COPY_SUFFIX}`);
      await mkdir(join(dir, QUARANTINE_DIR), { recursive: true });
      await writeFileAtomic(copy, `${JSON.stringify(about.goodCopy, null, 2)}\n`);
      backup = relative(dir, copy);
    }
    const reason = about.outcome ? `${error.reason}. ${about.outcome}` : error.reason;
    const entry = await damaged.add({
      file: relative(dir, error.path),
      movedTo,
      reason,
      at: at.toISOString(),
      ...(about.record ? { record: about.record } : {}),
      ...(backup ? { backup } : {}),
    });
    files.push({ file: entry.file, movedTo: movedTo ?? entry.file, reason });
    return entry;
  };
  return {
    files,
    damaged,
    setAside(error, about) {
      const earlier = settingAside.get(error.path);
      if (earlier && !existsSync(error.path)) return earlier;
      const entry = setAside(error, about);
      settingAside.set(error.path, entry);
      return entry;
    },
  };
}
