/**
 * On open, the record folders are listed, then compared with what the last session knew
 * (`changedSince`) in the background, while the window already writes. A record written in
 * between is in no listing; it must not be taken for a file that went away, or its stamp is
 * forgotten and the next open takes its file in unchecked: a file damaged while the notebook
 * was closed would then be served instead of set aside. (Seen as a flake of
 * sync-set-aside.test.ts on a busy machine: a notebook joined right after open.)
 */
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test-support/temp-dir';
import { openStore } from '../../../store/notebook-store';
import { citedHighlights } from '../../cited-highlights';
import { createClaimsAndNotes } from '../../claims-and-notes';
import { createCommitter } from '../../commit';
import { stampKey } from '../file-stamps';
import { outsideChanges } from '../outside-changes';

/** A store opened, its outside changes followed, and a note written through the one write path. */
async function noteWrittenAfterOpen() {
  const dir = await tempDir('stamps-race');
  const now = () => new Date('2026-12-02T09:00:00Z');
  const store = await openStore(dir, { now });
  const writes = createCommitter(store, now);
  const outside = outsideChanges(store, writes);
  const research = createClaimsAndNotes(store, writes, now, citedHighlights(store));
  const note = await research.createNote({ title: 'Why', body: 'Because of the treaty.' });
  return { store, outside, note };
}

describe('a record written between the listing on open and the comparison', () => {
  it('stays known, with its stamp', async () => {
    const { store, outside, note } = await noteWrittenAfterOpen();
    const listedBeforeTheWrite = [] as const;

    expect(await outside.changedSince(listedBeforeTheWrite)).toEqual([]);
    expect((await outside.known()).get(stampKey('note', note.id))).toMatchObject({ version: note.rev });
    outside.stop();
    await store.close();
  });

  it('keeps what this session wrote over the last session’s stamps read after it', async () => {
    const { store, outside, note } = await noteWrittenAfterOpen();
    const key = stampKey('note', note.id);
    const written = (await outside.known()).get(key);

    // The stamps file is read beside the window's first calls, so a write can come first.
    outside.remember(new Map([[key, { stamp: '1:1', version: 'an older version' }], ['note:nte_gone0000', { stamp: '2:2', version: 'v' }]]));

    const known = await outside.known();
    expect(known.get(key)).toEqual(written);
    expect(known.get('note:nte_gone0000')).toEqual({ stamp: '2:2', version: 'v' });
    outside.stop();
    await store.close();
  });
});
