/**
 * A synced folder carries the lock file to a colleague's machine. There it does not lock them
 * out: the notebook opens with a warning that two people are editing at once. On the same
 * machine a live lock still refuses, as it always has.
 */
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { valueOf } from '../../../test-support/in-process-api';
import { tempDir } from '../../../test-support/temp-dir';
import { openNotebook } from '../../open-notebook';
import { openAt } from '../test-support/synced-folder-support';

describe('a notebook folder open on another machine too', () => {
  it('opens, and its status warns that the notebook is also open on that machine', async () => {
    const dir = await tempDir('shared');
    await (await openAt(dir, '2026-12-01T08:00:00Z')).notebook.close();
    await writeFile(join(dir, 'notebook.lock'), JSON.stringify({ pid: 4242, host: 'bens-laptop', since: '2026-12-01T09:30:00.000Z' }));

    const opened = await openAt(dir, '2026-12-01T10:00:00Z');
    const status = await valueOf(opened.api.getNotebookStatus({}));
    expect(status.warnings).toEqual([expect.stringMatching(/^This notebook is also open on bens-laptop \(since 2026-12-01 09:30 UTC\)\. .*conflict cop.*Marginalia merges them/)]);
    await valueOf(opened.api.createNote({ title: 'Still writable', body: 'Yes.' }));
    await opened.notebook.close();

    // Alone again: no warning.
    const alone = await openAt(dir, '2026-12-01T11:00:00Z');
    expect((await valueOf(alone.api.getNotebookStatus({}))).warnings).toBeUndefined();
    await alone.notebook.close();
  });

  it('still refuses while another process on this machine has it open', async () => {
    const dir = await tempDir('shared');
    await writeFile(join(dir, 'notebook.lock'), JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
    await expect(openNotebook(dir, { sample: false, persistSearch: false })).rejects.toThrow(/already open in another Marginalia/);
  });
});
