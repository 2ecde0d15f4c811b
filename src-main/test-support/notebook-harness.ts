/**
 * A real notebook on a temporary folder, behind the contract exactly as the renderer sees it,
 * for renderer tests (jsdom runs in Node, so the real services and store can run beside it).
 * Tests see every call in `calls` and can make the transport fail once with `failNext`, the
 * way an unreachable host would.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ApiError, NotebookApi } from '../common/api';
import { buildNotebookApi } from '../common/api-client';
import { dispatch } from '../common/api-dispatch';
import type { ApiMethod } from '../common/api-methods';
import type { ChangeListener, NotebookFeed } from '../common/change-feed';
import { openNotebook, type OpenNotebook } from '../services/open-notebook';

export interface HarnessOptions {
  /** Keep the sample article a new notebook starts with (default: start empty). */
  keepSample?: boolean;
  /** Files to write into the folder before it is opened, by relative path. */
  files?: Record<string, string>;
}

export interface NotebookHarness {
  /** Stable across resets, so a module mock can hand it out once. */
  api: NotebookApi;
  calls: { method: ApiMethod; arg: unknown }[];
  /** The current notebook's change feed; stable across resets like `api`. */
  feed: NotebookFeed;
  /** The next `times` calls of `method` fail with `error` (default once). */
  failNext(method: ApiMethod, error: ApiError, times?: number): void;
  /**
   * Holds the answer to the next call of `method` whose argument passes `when`, as a slow
   * host would, until the returned function is called.
   */
  holdNext(method: ApiMethod, when?: (arg: unknown) => boolean): () => void;
  /** Closes the current notebook and opens a fresh one. */
  reset(options?: HarnessOptions): Promise<void>;
  close(): Promise<void>;
}

export function createNotebookHarness(): NotebookHarness {
  let current: { notebook: OpenNotebook; dir: string; unsubscribe: () => void } | undefined;
  const listeners = new Set<ChangeListener>();
  const failures = new Map<ApiMethod, { error: ApiError; times: number }>();
  const holds: { method: ApiMethod; when: (arg: unknown) => boolean; released: Promise<void> }[] = [];
  let clock = Date.parse('2024-07-28T09:00:00.000Z');

  const close = async () => {
    if (!current) return;
    current.unsubscribe();
    await current.notebook.close();
    // A read the window started just before the test ended may still be settling its files.
    await rm(current.dir, { recursive: true, force: true, maxRetries: 5 });
    current = undefined;
  };

  const harness: NotebookHarness = {
    calls: [],
    feed: {
      subscribe(listener) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    },
    failNext: (method, error, times = 1) => failures.set(method, { error, times }),
    holdNext(method, when = () => true) {
      let release!: () => void;
      holds.push({ method, when, released: new Promise((resolve) => (release = resolve)) });
      return release;
    },
    api: buildNotebookApi(async (method, arg) => {
      harness.calls.push({ method, arg });
      const failure = failures.get(method);
      if (failure) {
        if (--failure.times === 0) failures.delete(method);
        return { ok: false, error: failure.error };
      }
      if (!current) throw new Error('notebook harness: call reset() first');
      const answer = dispatch(current.notebook.handlers, method, arg);
      const held = holds.findIndex((hold) => hold.method === method && hold.when(arg));
      if (held >= 0) await holds.splice(held, 1)[0]!.released;
      return answer;
    }),
    async reset(options = {}) {
      await close();
      const dir = await mkdtemp(join(tmpdir(), 'marginalia-renderer-'));
      for (const [path, content] of Object.entries(options.files ?? {})) {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), content);
      }
      // Without the sample rather than deleting it, which would leave a step to undo.
      const notebook = await openNotebook(dir, { now: () => new Date((clock += 60_000)), sample: options.keepSample === true });
      const unsubscribe = notebook.feed.subscribe((change) => {
        for (const listener of listeners) listener(change);
      });
      current = { notebook, dir, unsubscribe };
      harness.calls.length = 0;
      failures.clear();
      holds.length = 0;
    },
    close,
  };
  return harness;
}
