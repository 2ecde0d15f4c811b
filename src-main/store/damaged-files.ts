/**
 * The "Damaged files" list, `backups/quarantine/damaged-files.json`: every file set aside — what
 * it was, when and why, where the damaged file is kept, and where a good copy of its record is
 * when a backup holds one. It outlives the session, so a person told once in passing is told
 * again until they restore the record or put the entry away. The list is small (a line per
 * damaged file) and is rewritten whole, atomically.
 *
 * A list that cannot itself be read is set aside like any damaged file and made again from what
 * the quarantine folder holds: the files are still there, only why they were set aside is lost.
 *
 * An entry put away while its record is still missing is kept, unlisted: in a shared notebook the
 * record is only missing here, and nobody deleted it, so a sync must go on sending no deletion of
 * it (see sync/shared-history.ts). Once the record is written again — a sync brought a
 * colleague's version, or it was restored — it is back: a later deletion of it is a deletion.
 */
import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from '../common/zod';
import { damagedFileIdSchema } from '../common/api';
import type { DamagedFile } from '../common/model';
import { writeFileAtomic } from './atomic-file';
import { QUARANTINE_DIR } from './notebook-files';

export const DAMAGED_LIST_FILE = `${QUARANTINE_DIR}/damaged-files.json`;
/** How a good copy kept beside a damaged record file is named (see quarantine.ts). */
export const GOOD_COPY_SUFFIX = '.last-saved.json';


const damagedFileSchema = z.object({
  id: damagedFileIdSchema,
  file: z.string(),
  movedTo: z.string().nullable(),
  reason: z.string(),
  at: z.string(),
  record: z.object({ kind: z.enum(['article', 'claim', 'note']), id: z.string(), title: z.string().optional() }).optional(),
  backup: z.string().optional(),
  backupFrom: z.string().optional(),
  backupAt: z.string().optional(),
  /** Put away by the person while its record was missing (see above): kept, unlisted. */
  putAway: z.literal(true).optional(),
  /** Its record was written again since it was set aside. */
  returned: z.literal(true).optional(),
});
type Entry = z.infer<typeof damagedFileSchema>;
const listSchema = z.object({ version: z.literal(1), files: z.array(damagedFileSchema) });

export interface DamagedList {
  /** The entries listed, oldest first (a copy). */
  list(): DamagedFile[];
  get(id: string): DamagedFile | undefined;
  /** Adds an entry; one for a file left where it is replaces the entry already there for that file. */
  add(entry: Omit<DamagedFile, 'id'>): Promise<DamagedFile>;
  /** Takes the entry off the list: forgotten when its record is back or it has none, otherwise kept unlisted. */
  putAway(id: string): Promise<void>;
  /** Notes that the record was written again (it is no longer missing because of a damaged file). */
  recordWritten(kind: 'article' | 'claim' | 'note', id: string): Promise<void>;
  /**
   * The records missing because their files were set aside, listed or put away, and not written
   * since; and the files left in place (from a newer Marginalia), which nothing may write over.
   */
  missing(): { records: { kind: 'article' | 'claim' | 'note'; id: string }[]; leftInPlace: string[] };
  /** Notes a good copy found after the file was set aside (see services/damaged/good-copies.ts). */
  setBackup(id: string, backup: string, backupFrom: string, backupAt: string): Promise<void>;
  /** Counts every change, so the change feed knows when to send the list again. */
  readonly version: number;
  /** Tells `listener` of each entry added from now on, once it is saved; answers the unsubscribe. */
  subscribe(listener: (entry: DamagedFile) => void): () => void;
}

let counter = 0;
const newId = (at: Date) => `dmg_${at.getTime().toString(36)}${(++counter).toString(36)}`;

/** The entries the quarantine folder implies when the list is lost: one per damaged file kept there. */
async function fromQuarantineFolder(dir: string, at: Date): Promise<DamagedFile[]> {
  const names = await readdir(join(dir, QUARANTINE_DIR)).catch(() => [] as string[]);
  return names
    .filter((name) => !name.endsWith(GOOD_COPY_SUFFIX) && !name.endsWith('damaged-files.json') && !name.startsWith('.'))
    .sort()
    .map((name) => ({
      id: newId(at),
      file: name.replace(/^\d{4}-\d{2}-\d{2}T[\d-]+Z-/, ''),
      movedTo: `${QUARANTINE_DIR}/${name}`,
      reason: 'it was set aside earlier; why was lost with the list of damaged files, which was itself damaged',
      at: at.toISOString(),
    }));
}

/** `memoryOnly`: the notebook is open read-only; the list is read, and changed in memory only. */
export async function openDamagedList(dir: string, now: () => Date, memoryOnly = false): Promise<DamagedList> {
  const path = join(dir, DAMAGED_LIST_FILE);
  let files: Entry[] = [];
  let version = 0;
  const listeners = new Set<(entry: DamagedFile) => void>();
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : ''));
  if (text !== null) {
    let parsed: z.ZodSafeParseResult<z.infer<typeof listSchema>> | undefined;
    try {
      parsed = listSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = undefined;
    }
    if (parsed?.success) {
      files = parsed.data.files;
    } else {
      const at = now();
      if (!memoryOnly) await rename(path, join(dir, QUARANTINE_DIR, `${at.toISOString().replace(/[:.]/g, '-')}-damaged-files.json`)).catch(() => undefined);
      files = await fromQuarantineFolder(dir, at);
    }
  }
  const save = async () => {
    version += 1;
    if (memoryOnly) return;
    await mkdir(join(dir, QUARANTINE_DIR), { recursive: true });
    await writeFileAtomic(path, `${JSON.stringify({ version: 1, files }, null, 2)}\n`);
  };
  const listed = (entry: Entry): DamagedFile | undefined => {
    if (entry.putAway) return undefined;
    const { putAway: _putAway, returned: _returned, ...shown } = entry;
    return structuredClone(shown) as DamagedFile;
  };
  return {
    list: () => files.flatMap((entry) => listed(entry) ?? []),
    get: (id) => {
      const entry = files.find((candidate) => candidate.id === id);
      return entry && listed(entry);
    },
    async add(entry) {
      const added = { id: newId(now()), ...entry };
      files = [...files.filter((old) => !(entry.movedTo === null && old.movedTo === null && old.file === entry.file)), added];
      await save();
      for (const listener of listeners) listener(structuredClone(added));
      return structuredClone(added);
    },
    async setBackup(id, backup, backupFrom, backupAt) {
      files = files.map((entry) => (entry.id === id ? { ...entry, backup, backupFrom, backupAt } : entry));
      await save();
    },
    async putAway(id) {
      const entry = files.find((candidate) => candidate.id === id);
      if (!entry || entry.putAway) return;
      const stillMissing = entry.record !== undefined && !entry.returned;
      files = stillMissing ? files.map((candidate) => (candidate === entry ? { ...entry, putAway: true as const } : candidate)) : files.filter((candidate) => candidate !== entry);
      await save();
    },
    async recordWritten(kind, id) {
      const ofRecord = (entry: Entry) => entry.record?.kind === kind && entry.record.id === id && !entry.returned;
      if (!files.some(ofRecord)) return;
      // A put-away entry has nothing left to say; a listed one stays until the person puts it away.
      files = files.flatMap((entry) => (!ofRecord(entry) ? [entry] : entry.putAway ? [] : [{ ...entry, returned: true as const }]));
      await save();
    },
    missing() {
      const kept = files.filter((entry) => !entry.returned);
      return {
        records: kept.flatMap((entry) => (entry.record ? [{ kind: entry.record.kind, id: entry.record.id }] : [])),
        leftInPlace: kept.flatMap((entry) => (entry.movedTo === null ? [entry.file] : [])),
      };
    },
    get version() {
      return version;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
