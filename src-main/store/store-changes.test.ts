/**
 * The change feed: listeners hear each change once its write is done, in the order they were
 * added; a listener that throws is logged, fails no write, and keeps no other listener from hearing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storeChanges } from './store-changes';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('store changes', () => {
  it('tells the other listeners, and fails no write, when one listener throws', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const changes = storeChanges<string>();
    const heard: string[] = [];
    changes.onChange((change) => heard.push(`first heard ${change}`));
    changes.onChange(() => {
      throw new Error('a bug in a listener');
    });
    changes.onChange((change) => heard.push(`third heard ${change}`));

    await expect(changes.emitAfter(Promise.resolve(), 'the saved note')).resolves.toBeUndefined();
    expect(heard).toEqual(['first heard the saved note', 'third heard the saved note']);
    expect(logged).toHaveBeenCalledWith('A notebook change listener failed:', expect.objectContaining({ message: 'a bug in a listener' }));
  });

  it('tells nobody before the write is done, and nobody of a write that failed', async () => {
    const changes = storeChanges<string>();
    const heard: string[] = [];
    changes.onChange((change) => heard.push(change));

    let finishWrite!: () => void;
    const reported = changes.emitAfter(new Promise<void>((resolve) => (finishWrite = resolve)), 'written');
    await Promise.resolve();
    expect(heard).toEqual([]);
    finishWrite();
    await reported;
    expect(heard).toEqual(['written']);

    await expect(changes.emitAfter(Promise.reject(new Error('disk full')), 'not written'))
      .rejects.toThrow('disk full');
    expect(heard).toEqual(['written']);
  });

  it('stops telling a listener once it unsubscribes', () => {
    const changes = storeChanges<string>();
    const heard: string[] = [];
    const stop = changes.onChange((change) => heard.push(change));
    changes.emit('before');
    stop();
    changes.emit('after');
    expect(heard).toEqual(['before']);
  });
});
