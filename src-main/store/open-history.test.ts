/**
 * Opening the undo history: a damaged history.json from before the log is set aside and the
 * notebook's history opens empty; an open that fails is tried again on the next use.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../test-support/temp-dir';
import { historyOnFirstUse, openHistory } from './open-history';
import type { DamagedFile } from '../common/model';
import type { UnreadableFileError } from './validated-json-file';

const SET_ASIDE: DamagedFile = { id: 'dmg_1', file: 'history.json', movedTo: 'backups/quarantine/history.json', reason: 'it is not valid JSON', at: '2026-12-01T00:00:00.000Z' };

describe('opening the history', () => {
  it('sets aside a history.json it cannot read and opens an empty history', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'history.json'), '{"schemaVersion": 1, "undo": [');
    const setAside = vi.fn(async (_error: UnreadableFileError) => SET_ASIDE);

    const log = await openHistory(dir, setAside);
    expect(setAside).toHaveBeenCalledWith(expect.objectContaining({ path: join(dir, 'history.json'), reason: expect.stringMatching(/^it breaks off part way — it was cut short/) }));
    expect(log.stacks()).toEqual({ undo: [], redo: [] });
    // Only a history.json that was folded into the log is removed; this one is the caller's to move.
    expect(existsSync(join(dir, 'history.json'))).toBe(true);
    await log.close();
  });

  it('tries a failed open again on the next use', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'history.json'), 'not json');
    const setAside = vi
      .fn<(error: UnreadableFileError) => Promise<DamagedFile>>()
      .mockRejectedValueOnce(new Error('the backups folder is read-only'))
      .mockResolvedValue(SET_ASIDE);
    const history = historyOnFirstUse(dir, setAside);

    await expect(history.get()).rejects.toThrow('the backups folder is read-only');
    const log = await history.get();
    expect(log.stacks().undo).toEqual([]);
    expect(await history.get()).toBe(log);
    await history.close();
  });
});
