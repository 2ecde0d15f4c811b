/**
 * A sync killed at random points (20 times, SIGKILL: no clean-up runs) leaves a notebook that
 * opens whole, syncs, and ends with every edit made before the kill — on the colleague's side
 * too. The kill lands after the notebook opened, a random time into the sync, spread over how
 * long the last uninterrupted sync took on this machine.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleChildren, type ChildBundle } from '../../../test-support/child-bundle';
import { valueOf } from '../../../test-support/in-process-api';
import { startGitHttpServer, type GitHttpServer } from '../../../test-support/git-http-server';
import { holdings, member, type Member } from '../test-support/sync-support';

const KILLS = 20;

let server: GitHttpServer;
let children: ChildBundle;
beforeAll(async () => {
  server = await startGitHttpServer();
  // The child as the app runs: git in the sync worker thread, beside it in the bundle.
  children = await bundleChildren({ 'sync-child': 'src-main/services/sync/test/sync-child.ts', 'sync-worker': 'src-main/services/sync/sync-worker.ts' });
});
afterAll(async () => {
  await server.close();
  await children.remove();
});

/** Runs the child sync on `dir`; kills it `afterMs` after it opened the notebook (never, when undefined). Resolves with how long it ran after opening. */
function childSync(dir: string, afterMs: number | undefined): Promise<{ ms: number; finished: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [children.entry('sync-child'), dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let openedAt = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!openedAt && out.includes('open\n')) {
        openedAt = performance.now();
        if (afterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), afterMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal !== 'SIGKILL') reject(new Error(`the sync child failed (${code}): ${err}`));
      else resolve({ ms: performance.now() - openedAt, finished: out.includes('"ok":true') });
    });
  });
}

describe('a sync killed part way', () => {
  it(`leaves a notebook that opens whole and finishes the sync (${KILLS} kills)`, async () => {
    const remote = await server.createBare('killed');
    let ada: Member = await member('Ada');
    const notes: string[] = [];
    for (let i = 0; i < 4; i++) notes.push((await valueOf(ada.api.createNote({ title: `Note ${i}`, body: 'Start.' }))).id);
    await valueOf(ada.api.shareNotebook({ remote, authorName: 'Ada' }));
    const ben = await member('Ben');
    await valueOf(ben.api.shareNotebook({ remote, authorName: 'Ben' }));
    await ada.notebook.close();

    let lastWhole = 0;
    let killedMidway = 0;
    for (let round = 0; round <= KILLS; round++) {
      // Ada writes while the app is closed (the CLI's way in), Ben writes and syncs: the next sync both sends and merges.
      ada = await member('Ada', ada.dir);
      const written: [string, string][] = [];
      for (let i = 0; i < 3; i++) {
        const note = notes[(round + i) % notes.length]!;
        const body = `Round ${round}, edit ${i} by Ada.`;
        await valueOf(ada.api.updateNote({ id: note, body }));
        written.push([note, body]);
      }
      written.push([(await valueOf(ada.api.createNote({ title: `Ada ${round}`, body: `Made in round ${round}.` }))).id, `Made in round ${round}.`]);
      await ada.notebook.close();
      await valueOf(ben.api.createNote({ title: `Ben ${round}`, body: 'From Ben.' }));
      await valueOf(ben.api.syncNotebook({}));

      // The first round runs whole, to learn how long a sync takes here; each sync that ends
      // whole tells it again (on a busy machine the first took over twice as long as later ones,
      // and most kills then came after the end).
      const run = await childSync(ada.dir, round === 0 ? undefined : Math.random() * lastWhole);
      if (run.finished) lastWhole = run.ms;
      else killedMidway += 1;

      ada = await member('Ada', ada.dir);
      expect(ada.notebook.status().quarantined).toEqual([]);
      await valueOf(ada.api.syncNotebook({}));
      await valueOf(ben.api.syncNotebook({}));
      for (const [note, body] of written) expect((await valueOf(ben.api.getNote({ id: note }))).body).toBe(body);
      expect(await holdings(ben)).toEqual(await holdings(ada));
      await ada.notebook.close();
    }
    // Most kills land inside the sync (a few may come after it ended).
    expect(killedMidway).toBeGreaterThan(KILLS / 2);
    await ben.notebook.close();
  }, 600_000);
});
