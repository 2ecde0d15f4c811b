/**
 * Two colleagues edit the same highlight, claim and note while their sync service is offline;
 * it then keeps Ana's files and puts Ben's beside them as conflict copies. Marginalia merges each
 * copy with the one record merge — the newer edit wins, the other is in the record's conflict
 * history — on open and while the notebook is open, and keeps the copy in backups.
 */
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { valueOf } from '../../../test-support/in-process-api';
import { divergedNotebooks, openAt, recordPaths, waitFor, writeAsSyncService, type Opened, type SharedRecords } from '../test-support/synced-folder-support';

/** Ben's files as the copies three different sync services would make of them. */
const copyNames = (ids: SharedRecords) => ({
  article: `articles/${ids.articleId} (Ben's conflicted copy 2026-12-01).json`,
  claim: `claims/${ids.claimId}.sync-conflict-20261201-101010-ABCDEFG.json`,
  note: `notes/${ids.noteId}-BENS-LAPTOP.json`,
});

async function expectMerged({ api, dir }: Opened, ids: SharedRecords): Promise<void> {
  const [highlight] = await valueOf(api.listAnnotations({ articleId: ids.articleId }));
  expect(highlight?.comment).toBe('Ben: trust is earned');
  expect(highlight?.conflicts?.map((version) => version.comment)).toEqual(['Ana: trust is earned']);

  const [claim] = await valueOf(api.listClaims({}));
  expect(claim?.statement).toBe('Ben says trust comes from shared work');
  expect(claim?.conflicts?.map((version) => version.statement)).toEqual(['Ana says trust comes from shared work']);

  const note = await valueOf(api.getNote({ id: ids.noteId }));
  expect(note.body).toBe('Ben read it twice.');
  expect(note.conflicts?.map((version) => version.body)).toEqual(['Ana read it twice.']);

  // The copies are kept in backups, under their own names, and no longer beside the records.
  for (const folder of ['articles', 'claims', 'notes']) {
    expect((await readdir(join(dir, folder))).filter((name) => name.endsWith('.json'))).toHaveLength(1);
  }
  const names = copyNames(ids);
  for (const copy of Object.values(names)) {
    expect(await readdir(join(dir, 'backups/conflict-copies', copy.split('/')[0]!))).toContain(copy.split('/')[1]);
  }
}

describe('conflict copies in a synced notebook folder', () => {
  it('merges the copies it finds on open, and keeps them in backups/conflict-copies', async () => {
    const { ana, ben, ids } = await divergedNotebooks();
    const paths = recordPaths(ids);
    const copies = copyNames(ids);
    for (const kind of ['article', 'claim', 'note'] as const) await copyFile(join(ben, paths[kind]), join(ana, copies[kind]));

    const opened = await openAt(ana, '2026-12-01T11:00:00Z');
    await expectMerged(opened, ids);
    expect(opened.notebook.status().quarantined).toEqual([]);
    // The merge is no undo step: the newest is still Ana's own last edit.
    expect(await valueOf(opened.api.getHistory({}))).toEqual({ undo: { label: 'Edit note' }, redo: null });
    await opened.notebook.close();

    // Merged once: opening again finds nothing to merge and changes nothing.
    const again = await openAt(ana, '2026-12-01T12:00:00Z');
    await expectMerged(again, ids);
    await again.notebook.close();
  });

  it('merges a copy that arrives while the notebook is open, and every window hears of it', async () => {
    const { ana, ben, ids } = await divergedNotebooks();
    const paths = recordPaths(ids);
    const copies = copyNames(ids);
    const opened = await openAt(ana, '2026-12-01T11:00:00Z');
    const heard: string[] = [];
    opened.notebook.feed.subscribe((change) => heard.push(...change.claims.map((c) => c.claim?.statement ?? '')));

    for (const kind of ['article', 'claim', 'note'] as const) {
      await writeAsSyncService(join(ana, copies[kind]), await readFile(join(ben, paths[kind]), 'utf8'));
    }
    await waitFor(() => expectMerged(opened, ids));
    expect(heard).toContain('Ben says trust comes from shared work');
    await opened.notebook.searchIdle();
    const found = await valueOf(opened.api.search({ query: 'twice' }));
    expect(found.results.find((result) => result.kind === 'note')?.id).toBe(ids.noteId);
    await opened.notebook.close();
  });

  it('sets aside a copy it cannot read, says so, and opens with the record as it was', async () => {
    const { ana, ids } = await divergedNotebooks();
    const broken = `notes/${ids.noteId} (conflicted copy 2026-12-01 101010).json`;
    await writeFile(join(ana, broken), '{"schemaVersion": 3, "record": {"id": "trunc');

    const opened = await openAt(ana, '2026-12-01T11:00:00Z');
    expect(opened.notebook.status().quarantined).toEqual([
      {
        file: broken,
        movedTo: `backups/conflict-copies/${broken}`,
        reason: expect.stringMatching(/^it is a conflict copy that could not be merged: it breaks off part way/),
      },
    ]);
    expect((await valueOf(opened.api.getNote({ id: ids.noteId }))).body).toBe('Ana read it twice.');
    await opened.notebook.close();
  });
});
