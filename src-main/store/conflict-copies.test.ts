import { describe, expect, it } from 'vitest';
import type { RecordKind } from '../common/record-ids';
import { conflictCopyOf, type ConflictCopyStyle } from './conflict-copies';

const ART = 'art_k3f9x2mq7ab1';
const CLM = 'clm_0p2z8d6q';
const NOTE = 'note_h4w7e2r9t1';

describe('conflict copies a sync service makes beside a record file', () => {
  const copies: [name: string, kind: RecordKind, recordId: string, style: ConflictCopyStyle][] = [
    // Dropbox
    ['art_x (conflicted copy 2026-12-01).json', 'article', 'art_x', 'conflicted-copy'],
    ["art_x (Bob's conflicted copy 2026-12-01).json", 'article', 'art_x', 'conflicted-copy'],
    ['art_x (Bob’s conflicted copy 2026-12-01 (1)).json', 'article', 'art_x', 'conflicted-copy'],
    [`${ART} (Selective Sync Conflict).json`, 'article', ART, 'conflicted-copy'],
    [`${ART} (Case Conflict).json`, 'article', ART, 'conflicted-copy'],
    // Nextcloud and ownCloud, today's and older clients; Seafile
    ['art_x (conflicted copy 2026-12-01 101010).json', 'article', 'art_x', 'conflicted-copy'],
    [`${CLM}_conflict-20261201-101010.json`, 'claim', CLM, 'owncloud'],
    [`${NOTE} (SFConflict bob@example.org 2026-12-01-10-10-10).json`, 'note', NOTE, 'conflicted-copy'],
    // Syncthing, with and without the device that made the change
    ['art_x.sync-conflict-20261201-101010-ABCDEFG.json', 'article', 'art_x', 'syncthing'],
    [`${NOTE}.sync-conflict-20261201-101010.json`, 'note', NOTE, 'syncthing'],
    // OneDrive: the machine's name after a dash
    [`${ART}-HOSTNAME.json`, 'article', ART, 'onedrive'],
    [`${CLM}-bobs-laptop-2.json`, 'claim', CLM, 'onedrive'],
    // Google Drive and others that number a second file
    ['art_x (1).json', 'article', 'art_x', 'numbered'],
    [`${CLM} (12).json`, 'claim', CLM, 'numbered'],
    // Resilio Sync
    ['art_x.Conflict.json', 'article', 'art_x', 'resilio'],
    [`${NOTE}.Conflict2.json`, 'note', NOTE, 'resilio'],
    // A copy of a copy
    [`${ART} (conflicted copy 2026-12-01) (1).json`, 'article', ART, 'numbered'],
    [`${ART}-LAPTOP (1).json`, 'article', ART, 'numbered'],
  ];

  it.each(copies)('%s is a copy of a %s: %s (%s)', (name, kind, recordId, style) => {
    expect(conflictCopyOf(name, kind)).toEqual({ recordId, style });
  });

  const notCopies: [name: string, kind: RecordKind, why: string][] = [
    [`${ART}.json`, 'article', 'a record file'],
    ['art_x.json', 'article', 'a record file with a short id'],
    [`.${ART}.json.4242.7.tmp`, 'article', 'a temp file of our own atomic writes'],
    [`.${ART} (1).json.4242.7.tmp`, 'article', 'a temp file, whatever its name'],
    [`.syncthing.${ART}.json.tmp`, 'article', "Syncthing's temp file"],
    [`~syncthing~${ART}.json.tmp`, 'article', "Syncthing's temp file on Windows"],
    [`${ART} (conflicted copy 2026-12-01).txt`, 'article', 'not JSON'],
    ['notes.json', 'article', 'an unrelated file'],
    ['.DS_Store', 'article', 'an unrelated file'],
    ['desktop.ini', 'article', 'an unrelated file'],
    [`${CLM} (conflicted copy 2026-12-01).json`, 'article', 'a claim in the articles folder'],
    [`${ART} (1).json`, 'note', 'an article in the notes folder'],
    [`${ART} (copy).json`, 'article', 'brackets that are not a conflict'],
    ['(conflicted copy 2026-12-01).json', 'article', 'no record name'],
    ['ART_X (1).json', 'article', 'not an id: capitals'],
    [`${ART}.sync-conflict-2026-12-01.json`, 'article', 'not Syncthing’s date form'],
    ['art_short-HOSTNAME.json', 'article', 'a dash after something too short to be an id'],
    [`${ART}-.json`, 'article', 'a dash with no machine after it'],
    [`-${ART}.json`, 'article', 'a dash before the id'],
    [`${ART} (1) (1) (1) (1) (1) (1).json`, 'article', 'more suffixes than a sync service makes'],
  ];

  it.each(notCopies)('%s (in the %s folder) is not a conflict copy: %s', (name, kind) => {
    expect(conflictCopyOf(name, kind)).toBeNull();
  });
});
