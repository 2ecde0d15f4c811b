/**
 * unsent.log names the records changed since the last sync. A line of it that cannot be read —
 * the file zeroed by a disk fault, or a line garbled — may have named a change not sent yet: the
 * next sync compares every record instead, so the change still reaches the team.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNSENT_FILE } from '../../../store/unsent-log';
import { valueOf } from '../../../test-support/in-process-api';
import { gitServerForTests, member } from '../test-support/sync-support';

const git = gitServerForTests();

const DAMAGE = {
  'zeroed by a disk fault': (text: string) => '\0'.repeat(text.length),
  'with a garbled line': (text: string) => `${text.replace(/notes\//, 'n\u0000tes/"')}`,
};

describe('a damaged unsent.log', () => {
  it.each(Object.entries(DAMAGE))('%s: the next sync still sends the change it named', async (_how, damage) => {
    const remote = await git.remote('unsent-damaged');
    const ada = await member('Ada');
    const note = await valueOf(ada.api.createNote({ title: 'Why', body: 'Because of the treaty.' }));
    await valueOf(ada.api.shareNotebook({ remote, authorName: 'Ada' }));
    let ben = await member('Ben');
    await valueOf(ben.api.shareNotebook({ remote, authorName: 'Ben' }));
    await valueOf(ben.api.updateNote({ id: note.id, body: 'Because of the treaty, and trust.' }));
    await ben.notebook.close();
    const log = join(ben.dir, UNSENT_FILE);
    const text = await readFile(log, 'utf8');
    expect(text).toContain(`notes/${note.id}`);
    await writeFile(log, damage(text));

    ben = await member('Ben', ben.dir);
    await valueOf(ben.api.syncNotebook({}));
    await valueOf(ada.api.syncNotebook({}));
    expect((await valueOf(ada.api.getNote({ id: note.id }))).body).toBe('Because of the treaty, and trust.');
    await ben.notebook.close();
    await ada.notebook.close();
  });
});
