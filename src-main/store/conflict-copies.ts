/**
 * Conflict copies: when two machines change one file before they have heard from each other, a
 * sync service keeps both — one under the file's name, the other renamed next to it. For a
 * record file (`articles/<id>.json`) the renamed copy is another version of the same record, to
 * be merged into it (see services/synced-folder). This names the record a copy belongs to, from
 * its file name alone; it reads nothing.
 *
 * The forms, each a suffix before `.json`, as the services document them:
 * - Dropbox `<id> (conflicted copy 2026-12-01).json`, `<id> (Bob's conflicted copy 2026-12-01).json`,
 *   and its other conflicts (`(Case Conflict)`, `(Selective Sync Conflict)`); Nextcloud and
 *   ownCloud `<id> (conflicted copy 2026-12-01 101010).json`; Seafile `<id> (SFConflict … ).json`;
 * - Syncthing `<id>.sync-conflict-20261201-101010-ABCDEFG.json` (older versions leave out the device);
 * - older ownCloud clients `<id>_conflict-20261201-101010.json`;
 * - Resilio Sync `<id>.Conflict.json`, `<id>.Conflict1.json`;
 * - Google Drive and others that number a second file `<id> (1).json`;
 * - OneDrive `<id>-HOSTNAME.json`: the machine's name after a dash. Only when what comes before
 *   the dash is a well-formed id of the folder's kind, as nothing else marks this form.
 * A copy of a copy carries two suffixes; they are taken off one at a time.
 */
import { ID_PREFIXES, idPattern, type RecordKind } from '../common/record-ids';

/** Where merged copies are kept, by the folder they were found in (`backups/conflict-copies/articles/…`). */
export const CONFLICT_COPIES_DIR = 'backups/conflict-copies';

export type ConflictCopyStyle = 'conflicted-copy' | 'syncthing' | 'owncloud' | 'resilio' | 'numbered' | 'onedrive';

export interface ConflictCopy {
  /** The id of the record the copy is a version of (its file is `<recordId>.json`). */
  recordId: string;
  /** Which form of name it has (the outermost, for a copy of a copy). */
  style: ConflictCopyStyle;
}

const SUFFIXES: readonly { style: ConflictCopyStyle; pattern: RegExp }[] = [
  // Words in brackets that speak of a conflict, which may hold a number in brackets of their own.
  { style: 'conflicted-copy', pattern: / \((?:[^()]|\(\d+\))*conflict(?:[^()]|\(\d+\))*\)$/i },
  { style: 'syncthing', pattern: /\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]{7})?$/ },
  { style: 'owncloud', pattern: /_conflict-\d{8}-\d{6}$/ },
  { style: 'resilio', pattern: /\.Conflict(?: ?\d+)?$/ },
  { style: 'numbered', pattern: / \(\d+\)$/ },
];

/** More suffixes than this is not a sync service's doing. */
const MAX_SUFFIXES = 4;

/**
 * The record a file of the folder of `kind` records is a conflict copy of, or null when its
 * name is not a conflict copy's (a record file, a temp file, anything else).
 */
export function conflictCopyOf(fileName: string, kind: RecordKind): ConflictCopy | null {
  if (!fileName.endsWith('.json')) return null;
  // The same looseness as the store's own file names (record-ids.ts `recordFilePattern`).
  const recordName = new RegExp(`^${ID_PREFIXES[kind]}_[a-z0-9]+$`);
  let stem = fileName.slice(0, -'.json'.length);
  let style: ConflictCopyStyle | undefined;
  for (let taken = 0; taken <= MAX_SUFFIXES; taken++) {
    if (style && recordName.test(stem)) return { recordId: stem, style };
    const suffix = SUFFIXES.find(({ pattern }) => pattern.test(stem));
    if (suffix) {
      stem = stem.replace(suffix.pattern, '');
      style ??= suffix.style;
      continue;
    }
    // Ids hold no dash, so the first dash ends the id.
    const dash = stem.indexOf('-');
    if (dash > 0 && dash < stem.length - 1 && idPattern(kind).test(stem.slice(0, dash))) {
      return { recordId: stem.slice(0, dash), style: style ?? 'onedrive' };
    }
    return null;
  }
  return null;
}
