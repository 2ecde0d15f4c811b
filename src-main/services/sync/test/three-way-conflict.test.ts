/**
 * Three colleagues edit the same note before any of them syncs. However the syncs fall, every
 * version is kept: one is the note's text, the other two are in its conflict history, on all
 * three sides. (Found by sync-convergence.test.ts: Ben's version was lost.)
 */
import { describe, expect, it } from 'vitest';
import { valueOf } from '../../../test-support/in-process-api';
import { gitServerForTests, member, type Member } from '../test-support/sync-support';

const git = gitServerForTests();

const versionsOf = async (who: Member, id: string) => {
  const note = await valueOf(who.api.getNote({ id }));
  return [note.body, ...(note.conflicts ?? []).map((version) => version.body)].sort();
};

describe('one note edited on three clones before any sync', () => {
  it('keeps all three versions after Ada, Ben, Cai, Ada and Ben sync', async () => {
    const remote = await git.remote('three-way');
    const ada = await member('Ada');
    const note = await valueOf(ada.api.createNote({ title: 'One', body: 'One begins.' }));
    await valueOf(ada.api.shareNotebook({ remote, authorName: 'Ada' }));
    const ben = await member('Ben');
    await valueOf(ben.api.shareNotebook({ remote, authorName: 'Ben' }));
    const cai = await member('Cai');
    await valueOf(cai.api.shareNotebook({ remote, authorName: 'Cai' }));
    const members = [ada, ben, cai];

    await valueOf(ben.api.updateNote({ id: note.id, body: 'Edit 1 by Ben.' }));
    await valueOf(cai.api.updateNote({ id: note.id, body: 'Edit 2 by Cai.' }));
    await valueOf(ada.api.updateNote({ id: note.id, body: 'Edit 3 by Ada.' }));
    for (const who of [ada, ben, cai, ada, ben]) await valueOf(who.api.syncNotebook({}));

    const all = ['Edit 1 by Ben.', 'Edit 2 by Cai.', 'Edit 3 by Ada.'];
    for (const who of members) expect(await versionsOf(who, note.id), who.name).toEqual(all);
    for (const who of members) await who.notebook.close();
  });
});
