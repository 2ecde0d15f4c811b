/**
 * What this notebook changed since its last commit to the shared history: `unsent.log`, one
 * line per changed record's path, appended on the write path with the change itself (so an
 * acknowledged change is never left out of the next sync, even after a crash). A sync reads
 * it instead of comparing ten thousand files with the last commit, and takes back the lines
 * it committed. Kept only while the notebook is shared; machine-local, never synced.
 */
import { join } from 'node:path';
import { z } from '../common/zod';
import { AppendLog } from './append-log';

export const UNSENT_FILE = 'unsent.log';

export interface UnsentLog {
  /** Whether changes are noted: the notebook is shared. */
  readonly enabled: boolean;
  enable(): void;
  /** Notes the paths of changed records; resolves once the lines are on disk. */
  note(paths: readonly string[]): Promise<void>;
  /** A change could not be noted: the next sync compares every record instead of reading the log. */
  damaged(): void;
  /** The paths noted so far, without repeats, and how many lines that was; `all` when every record must be compared. */
  read(): Promise<{ paths: Set<string>; lines: number; all: boolean }>;
  /** Takes back the first `lines` lines (those a commit now holds), keeping any noted since. */
  sent(lines: number): Promise<void>;
  idle(): Promise<void>;
  close(): Promise<void>;
}

const lineSchema = z.string().min(1).max(200);

export function unsentLog(dir: string, enabled: boolean): UnsentLog {
  const log = new AppendLog(join(dir, UNSENT_FILE));
  let on = enabled;
  let all = false;
  /**
   * The paths noted. A line that cannot be read (a disk fault, a crash mid-line) may have named a
   * change that is not sent yet: when `compareAllIfDamaged`, the next sync compares every record.
   */
  const readLines = async (compareAllIfDamaged: boolean) => {
    await log.idle();
    const damagedLine = () => {
      if (compareAllIfDamaged) all = true;
    };
    return (await log.read(damagedLine)).flatMap((line) => {
      const parsed = lineSchema.safeParse(line);
      if (parsed.success) return [parsed.data];
      damagedLine();
      return [];
    });
  };
  return {
    get enabled() {
      return on;
    },
    enable: () => void (on = true),
    note: (paths) => (on ? log.append(paths) : Promise.resolve()),
    damaged: () => void (all = true),
    async read() {
      const lines = await readLines(true);
      return { paths: new Set(lines), lines: lines.length, all };
    },
    async sent(lines) {
      // The sync that sent them read the log (and compared every record if a line was damaged);
      // the damaged lines go with this rewrite.
      all = false;
      const kept = await readLines(false);
      await log.rewrite(kept.slice(lines));
    },
    idle: () => log.idle(),
    close: () => log.close(),
  };
}
