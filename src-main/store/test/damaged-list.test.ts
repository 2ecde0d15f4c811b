/**
 * The damaged files list as a sync reads it: an entry put away while its record is missing stays
 * known as missing (a shared notebook must not send its absence as a deletion) but is no longer
 * listed; once the record is written again, it is not missing any more, listed or not.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir';
import { DAMAGED_LIST_FILE, openDamagedList } from '../damaged-files';

const now = () => new Date('2026-12-02T09:00:00Z');
const damagedNote = (id: string) => ({ file: `notes/${id}.json`, movedTo: `backups/quarantine/${id}.json`, reason: 'it is cut short', at: now().toISOString(), record: { kind: 'note' as const, id } });

describe('the damaged files list', () => {
  it('keeps a put-away entry unlisted while its record is missing, after a reopen too', async () => {
    const dir = await tempDir('damaged-list');
    const list = await openDamagedList(dir, now);
    const entry = await list.add(damagedNote('note_a'));
    await list.putAway(entry.id);
    const reopened = await openDamagedList(dir, now);
    expect(reopened.list()).toEqual([]);
    expect(reopened.get(entry.id)).toBeUndefined();
    expect(reopened.missing().records).toEqual([{ kind: 'note', id: 'note_a' }]);
  });

  it('no longer counts a record as missing once it is written again, whether its entry is listed or put away', async () => {
    const dir = await tempDir('damaged-list');
    const list = await openDamagedList(dir, now);
    const listed = await list.add(damagedNote('note_a'));
    const putAway = await list.add(damagedNote('note_b'));
    await list.putAway(putAway.id);
    await list.recordWritten('note', 'note_a');
    await list.recordWritten('note', 'note_b');
    const reopened = await openDamagedList(dir, now);
    expect(reopened.missing().records).toEqual([]);
    // Listed until the person puts it away; then forgotten, as the record is back.
    expect(reopened.list().map((entry) => entry.id)).toEqual([listed.id]);
    await reopened.putAway(listed.id);
    expect(reopened.list()).toEqual([]);
    expect((await openDamagedList(dir, now)).missing().records).toEqual([]);
  });

  it('forgets a put-away entry that names no record', async () => {
    const dir = await tempDir('damaged-list');
    const list = await openDamagedList(dir, now);
    const entry = await list.add({ file: 'notebook.json', movedTo: 'backups/quarantine/notebook.json', reason: 'it is not JSON', at: now().toISOString() });
    await list.putAway(entry.id);
    const saved = JSON.parse(await readFile(join(dir, DAMAGED_LIST_FILE), 'utf8')) as { files: unknown[] };
    expect(saved.files).toEqual([]);
  });
});
