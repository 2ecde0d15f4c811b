/**
 * The search engine gives memory back after it drops a lot at once: a saved index read (its
 * posting lists stay in the file), a large build (saved at once, then read from the file).
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { valueOf } from '../../../test-support/in-process-api';
import { openSampleNotebook } from '../../../test-support/sample-notebook';
import { collectGarbage } from '../../collect-garbage';
import { startEngine } from '../search-engine';

describe('search memory', () => {
  it('collects garbage on request', async () => {
    const ref = (() => new WeakRef({ large: new Array(100_000).fill('x') }))();
    // A WeakRef's target is kept until the job that made it ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });

  it('releases memory after a large build, saves it at once and releases memory again, and after reading the saved index', async () => {
    const { dir, api, notebook } = await openSampleNotebook();
    for (let i = 0; i < 110; i += 1) {
      await valueOf(api.importArticle({ format: 'text', content: `Field notes ${i} on herons wading at dawn.`, title: `Heron ${i}` }));
    }
    const records = { articleIds: (await valueOf(api.listArticles({}))).map((a) => a.id), claimIds: [], noteIds: [] };
    await notebook.close();
    await rm(join(dir, 'search-index'), { recursive: true });

    const releaseMemory = vi.fn();
    const host = { dir, readNote: async () => null, releaseMemory };
    // A save an hour after the last change: only the large build makes it save now.
    const building = startEngine(host, records, { persist: true, saveDelayMs: 3_600_000 });
    await building.idle();
    // Once when the build ends, once when its save is in the file.
    await vi.waitFor(() => expect(releaseMemory).toHaveBeenCalledTimes(2), { timeout: 30_000 });
    expect(existsSync(join(dir, 'search-index', 'index.bin'))).toBe(true);
    // Answered from posting lists now read from the saved file.
    const found = await building.search({ query: 'heron 109' });
    expect(found.results.map((r) => r.title)).toContain('Heron 109');
    await building.close();

    releaseMemory.mockClear();
    const reading = startEngine(host, records, { persist: true, saveDelayMs: 3_600_000 });
    await reading.idle();
    expect(releaseMemory).toHaveBeenCalledTimes(1);
    expect(reading.stats()).toEqual({ articlesRead: 0, loadedFromDisk: true });
    const again = await reading.search({ query: 'notes 57 herons' });
    expect(again.results[0]?.title).toBe('Heron 57');
    await reading.close();
  });
});
