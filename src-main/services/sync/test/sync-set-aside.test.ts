/**
 * A shared notebook with a record file set aside as damaged (see store/quarantine.ts): the
 * record is missing from this notebook, but nobody deleted it. A sync must not send its absence
 * as a deletion to the whole team — whether this side changed other records, or a colleague
 * changed that very record — and the colleague's version, when one arrives, brings it back.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { valueOf } from '../../../test-support/in-process-api';
import { gitServerForTests, member, type Member } from '../test-support/sync-support';

import type * as FsPromises from 'node:fs/promises';

const unsent = vi.hoisted(() => ({ refused: false }));

// Appending to unsent.log refused once: the next sync compares every record (see commit.ts).
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof FsPromises>();
  const open: typeof fs.open = (path, flags, ...rest) =>
    unsent.refused && String(path).endsWith('unsent.log') ? Promise.reject(Object.assign(new Error('EIO: refused'), { code: 'EIO' })) : fs.open(path, flags, ...rest);
  return { ...fs, open };
});

const git = gitServerForTests();

/** Ada shares a notebook with two notes; Ben joins it, then his file of the first note is cut short while his notebook is closed. */
async function teamWithDamage() {
  const remote = await git.remote('set-aside');
  const ada = await member('Ada');
  const damaged = await valueOf(ada.api.createNote({ title: 'Why', body: 'Because of the treaty.' }));
  const other = await valueOf(ada.api.createNote({ title: 'Other', body: 'Something else.' }));
  await valueOf(ada.api.shareNotebook({ remote, authorName: 'Ada' }));
  let ben = await member('Ben');
  await valueOf(ben.api.shareNotebook({ remote, authorName: 'Ben' }));
  await ben.notebook.close();
  const file = join(ben.dir, `notes/${damaged.id}.json`);
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.slice(0, text.length / 2));
  ben = await member('Ben', ben.dir);
  await ben.notebook.caughtUp();
  const status = await valueOf(ben.api.getNotebookStatus({}));
  expect(status.damagedFiles.map((entry) => entry.record?.id)).toEqual([damaged.id]);
  return { ada, ben, damaged, other };
}

/** Ben's edit of `id` while appending to unsent.log fails: the next sync compares every record. */
async function editWithUnsentRefused(who: Member, id: string): Promise<void> {
  unsent.refused = true;
  try {
    await valueOf(who.api.updateNote({ id, body: 'Edited by Ben.' }));
  } finally {
    unsent.refused = false;
  }
}

const noteIds = async (who: Member) => (await valueOf(who.api.listNotes({}))).map((note) => note.id).sort();
const close = async (...members: Member[]) => {
  for (const who of members) await who.notebook.close();
};

describe('a sync after a record file was set aside', () => {
  it('sends the other changes and no deletion of the set-aside record', async () => {
    const { ada, ben, damaged, other } = await teamWithDamage();
    await valueOf(ben.api.updateNote({ id: other.id, body: 'Edited by Ben.' }));
    await valueOf(ben.api.syncNotebook({}));
    await valueOf(ada.api.syncNotebook({}));
    expect(await noteIds(ada)).toEqual([damaged.id, other.id].sort());
    expect((await valueOf(ada.api.getNote({ id: damaged.id }))).body).toBe('Because of the treaty.');
    expect((await valueOf(ada.api.getNote({ id: other.id }))).body).toBe('Edited by Ben.');
    await close(ada, ben);
  });

  it('takes in a colleague’s edit of that record instead of deleting it for everyone', async () => {
    const { ada, ben, damaged } = await teamWithDamage();
    await valueOf(ada.api.updateNote({ id: damaged.id, body: 'Because of the treaty, and trust.' }));
    await valueOf(ada.api.syncNotebook({}));
    await valueOf(ben.api.syncNotebook({}));
    await valueOf(ada.api.syncNotebook({}));
    expect(await noteIds(ada)).toContain(damaged.id);
    expect((await valueOf(ada.api.getNote({ id: damaged.id }))).body).toBe('Because of the treaty, and trust.');
    expect((await valueOf(ben.api.getNote({ id: damaged.id }))).body).toBe('Because of the treaty, and trust.');
    await close(ada, ben);
  });

  it('sends no deletion when every record is compared (a change could not be noted in unsent.log)', async () => {
    const { ada, ben, damaged, other } = await teamWithDamage();
    await editWithUnsentRefused(ben, other.id);
    await valueOf(ben.api.syncNotebook({}));
    await valueOf(ada.api.syncNotebook({}));
    expect(await noteIds(ada)).toEqual([damaged.id, other.id].sort());
    expect((await valueOf(ada.api.getNote({ id: other.id }))).body).toBe('Edited by Ben.');
    await close(ada, ben);
  });

  it('sends no deletion once its entry is put away (after a restart too), and sends the deletion of the record after it came back', async () => {
    const team = await teamWithDamage();
    const { ada, damaged, other } = team;
    let { ben } = team;
    const [entry] = (await valueOf(ben.api.getNotebookStatus({}))).damagedFiles;
    await valueOf(ben.api.dismissDamagedFile({ id: entry!.id }));
    await ben.notebook.close();
    ben = await member('Ben', ben.dir);
    await ben.notebook.caughtUp();
    expect((await valueOf(ben.api.getNotebookStatus({}))).damagedFiles).toEqual([]);
    // Every record is compared: the note is missing here, and still not sent as deleted.
    await editWithUnsentRefused(ben, other.id);
    await valueOf(ben.api.syncNotebook({}));
    await valueOf(ada.api.syncNotebook({}));
    expect(await noteIds(ada)).toEqual([damaged.id, other.id].sort());

    // Ada's edit brings it back to Ben; deleted there now, it is deleted for the team.
    await valueOf(ada.api.updateNote({ id: damaged.id, body: 'Because of the treaty, and trust.' }));
    await valueOf(ada.api.syncNotebook({}));
    await valueOf(ben.api.syncNotebook({}));
    expect((await valueOf(ben.api.getNote({ id: damaged.id }))).body).toBe('Because of the treaty, and trust.');
    await valueOf(ben.api.deleteNote({ id: damaged.id }));
    await valueOf(ben.api.syncNotebook({}));
    await valueOf(ada.api.syncNotebook({}));
    expect(await noteIds(ada)).toEqual([other.id]);
    await close(ada, ben);
  });
});
