/**
 * Killed at any moment, Marginalia loses nothing it acknowledged. A child process
 * (crash-child.ts) opens the notebook and writes without end — imports, highlights, comments,
 * notes, links, claims, deletes, undo — printing each acknowledgement once the call resolved;
 * the test SIGKILLs it at a random moment (while it opens, or a random number of
 * acknowledgements into its writes, at once or a few milliseconds later) and starts the next,
 * which first checks, through the API, that every acknowledged write is there with its value
 * and that search finds the last acknowledged note at once. Every tenth kill, and at the end,
 * the test opens the folder itself with openNotebook and also checks that nothing was set
 * aside, that no temporary file is left, and that every file parses.
 *
 * CRASH_KILLS (default 100) sets how many kills, shared between two notebooks killed side by
 * side. Nothing here waits for a time to pass: each step waits for a line from the child.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLeftoverTemp } from '../../store/atomic-file';
import { bundleChildren, type ChildBundle } from '../../test-support/child-bundle';
import { inProcessApi } from '../../test-support/in-process-api';
import { tempDir } from '../../test-support/temp-dir';
import { openNotebook } from '../open-notebook';
import { loadIndex } from '../search/index-file';
import { readState, verify, type Expectations, type Touched, type Value, type WriteLine } from './crash-model';

const KILLS = Number(process.env.CRASH_KILLS ?? 100);
const LANES = 2;
/** The test opens each notebook itself after this many kills. */
const OPEN_EVERY = 10;
let children: ChildBundle;
beforeAll(async () => {
  // The child as the app runs: search in its worker thread, beside it in the bundle.
  children = await bundleChildren({ 'crash-child': 'src-main/services/test/crash-child.ts', 'search-worker': 'src-main/services/search/search-worker.ts' });
});
afterAll(() => children.remove());

/** When to kill: `delayMs` after the child says hello (it is opening), or `delayMs` after its `acks`-th acknowledgement. */
type KillPlan = { at: 'opening'; delayMs: number } | { at: 'writing'; acks: number; delayMs: number };

function randomPlan(): KillPlan {
  // A few milliseconds at most after a line: the kill then lands inside the next write. The
  // delay only spreads the kills; no check depends on it.
  if (Math.random() < 0.15) return { at: 'opening', delayMs: Math.floor(Math.random() * 300) };
  return { at: 'writing', acks: Math.floor(Math.random() * 11), delayMs: Math.random() < 0.5 ? 0 : Math.floor(Math.random() * 4) };
}

/** One notebook, and what its children acknowledged. */
class Lane {
  readonly acked = new Map<string, Value | null>();
  /** What the write in flight would make of its records (this child's, or the last one's when killed). */
  inFlight: Touched | null = null;
  /** What writes in flight at earlier kills may have made of records no acknowledged write has set since. */
  readonly unsure = new Map<string, (Value | null)[]>();
  readonly searchable: { id: string; word: string }[] = [];
  acks = 0;
  /** The children's last lines, and where each was killed, for a failure's message. */
  readonly transcript: string[] = [];

  note(line: string): void {
    this.transcript.push(line.length > 300 ? `${line.slice(0, 300)}…` : line);
    if (this.transcript.length > 60) this.transcript.shift();
  }

  constructor(
    readonly dir: string,
    readonly expectedPath: string,
  ) {}

  heard(kind: string, line: WriteLine): void {
    if (kind === 'do') {
      this.inFlight = line.touched;
      return;
    }
    for (const [key, after] of line.touched) {
      this.acked.set(key, after);
      this.unsure.delete(key);
    }
    if (line.searchable) this.searchable.push(line.searchable);
    this.inFlight = null;
    this.acks += 1;
  }

  /** The child was killed: what it had in flight stays possible until acknowledged writes settle it. */
  killed(): void {
    for (const [key, value] of this.inFlight ?? []) this.unsure.set(key, [...(this.unsure.get(key) ?? []), value]);
    this.inFlight = null;
  }

  expectations(): Expectations {
    const inFlight = [...this.unsure].flatMap(([key, values]) => values.map((value): [string, Value | null] => [key, value]));
    // The last note edit acknowledged that still stands: not edited, deleted or undone since, nor perhaps by a write in flight.
    const lastNote =
      [...this.searchable].reverse().find(({ id, word }) => {
        const note = this.acked.get(`note:${id}`) as { body: string } | null | undefined;
        return note?.body.includes(word) && !this.unsure.has(`note:${id}`);
      }) ?? null;
    return { acked: [...this.acked], inFlight, lastNote };
  }
}

/** Runs one child on the lane's notebook and kills it as `plan` says; answers what it verified on opening (null: killed before). */
function killedSession(lane: Lane, plan: KillPlan): Promise<string[] | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [children.entry('crash-child'), lane.dir, lane.expectedPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let verified: string[] | null = null;
    let acks = 0;
    let exited = false;
    let ended = false;
    const kill = (delayMs: number) => {
      lane.note(`(killed ${delayMs} ms after the line above)`);
      if (delayMs === 0) child.kill('SIGKILL');
      else setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    const finish = () => {
      if (exited && ended) resolve(verified);
    };
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      lane.note(line);
      const space = line.indexOf(' ');
      const [kind, rest] = space < 0 ? [line, ''] : [line.slice(0, space), line.slice(space + 1)];
      if (kind === 'hello') {
        if (plan.at === 'opening') kill(plan.delayMs);
      } else if (kind === 'verified') {
        verified = JSON.parse(rest) as string[];
        if (plan.at === 'writing' && plan.acks === 0) kill(plan.delayMs);
      } else if (kind === 'do' || kind === 'ack') {
        lane.heard(kind, JSON.parse(rest) as WriteLine);
        if (kind === 'ack' && plan.at === 'writing' && ++acks === plan.acks) kill(plan.delayMs);
      }
    });
    lines.on('close', () => {
      ended = true;
      finish();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      exited = true;
      lane.killed();
      if (signal !== 'SIGKILL') reject(new Error(`the writing child stopped by itself (${code}): ${stderr}`));
      else finish();
    });
  });
}

/** Temporary files of processes other than this one, anywhere in the folder. */
async function leftoverTemps(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && isLeftoverTemp(entry.name)).map((entry) => join(entry.parentPath, entry.name));
}

/** A JSON line a crash cut short: it breaks off where the text ends, not on a wrong character. */
function cutShort(line: string): boolean {
  try {
    JSON.parse(line);
    return false;
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message);
    return /Unexpected end of JSON input/.test((error as Error).message) || (at !== null && Number(at[1]) >= line.length);
  }
}

/** Files that do not parse: JSON files, JSON-line files (an append log may end a line cut short), the digest, the saved index. */
async function unparsable(dir: string): Promise<string[]> {
  const problems: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const text = () => readFile(path, 'utf8');
    const lines = async () => (await text()).split('\n').filter((line) => line.trim() !== '');
    try {
      if (entry.name.endsWith('.json')) JSON.parse(await text());
      else if (entry.name === 'highlights.index') for (const line of await lines()) JSON.parse(line);
      else if (/\.(journal|log)$/.test(entry.name)) {
        for (const line of await lines()) if (!cutShort(line)) JSON.parse(line);
      } else if (entry.name === 'notebook.digest') expect(await text()).toMatch(/^[0-9a-f]{64}\s*$/);
      else if (entry.name === 'index.bin') {
        const { saved, reason } = await loadIndex(dir);
        saved?.index.close();
        if (!saved) throw new Error(reason);
      }
    } catch (error) {
      problems.push(`${path}: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** Opens the notebook as the app does and checks everything, then closes it. */
async function openAndCheck(lane: Lane, at: string): Promise<void> {
  const when = `${at}; the children said:\n${lane.transcript.join('\n')}\n`;
  const notebook = await openNotebook(lane.dir, { sample: false });
  const { problems } = await verify(inProcessApi(notebook.handlers), lane.expectations());
  expect(problems, when).toEqual([]);
  expect(notebook.status().quarantined, when).toEqual([]);
  expect(await leftoverTemps(lane.dir), when).toEqual([]);
  await notebook.close();
  expect(await unparsable(lane.dir), when).toEqual([]);
  expect((await readdir(lane.dir)).filter((name) => name.startsWith('notebook.lock')), when).toEqual([]);
}

/** Set when a lane fails: the others stop after their current child, so none outlives the test. */
let stopped = false;

async function runLane(index: number, kills: number): Promise<void> {
  const base = await tempDir(`crash-${index}`);
  const lane = new Lane(join(base, 'notebook'), join(base, 'expected.json'));
  // A notebook with its sample article, which the checks cover too.
  const first = await openNotebook(lane.dir);
  for (const [key, value] of await readState(inProcessApi(first.handlers))) lane.acked.set(key, value);
  await first.close();

  for (let kill = 1; kill <= kills && !stopped; kill++) {
    await writeFile(lane.expectedPath, JSON.stringify(lane.expectations()));
    const plan = randomPlan();
    const verified = await killedSession(lane, plan);
    // Killed while opening, a child checks nothing: the next one checks what it would have.
    if (verified) expect(verified, `notebook ${index}, after kill ${kill - 1}; the children said:\n${lane.transcript.join('\n')}\n`).toEqual([]);
    if (kill % OPEN_EVERY === 0 || kill === kills) await openAndCheck(lane, `notebook ${index}, opened by the test after kill ${kill}`);
  }
  // Writes of every kind were acknowledged and then checked.
  expect(lane.acks).toBeGreaterThan(kills);
}

describe('a notebook killed while it writes', () => {
  it(`opens whole with every acknowledged write, no temporary file and search up to date (${KILLS} kills)`, async () => {
    const perLane = Math.ceil(KILLS / LANES);
    const lanes = await Promise.allSettled(
      Array.from({ length: LANES }, (_, i) =>
        runLane(i, perLane).catch((error: unknown) => {
          stopped = true;
          throw error;
        }),
      ),
    );
    for (const lane of lanes) if (lane.status === 'rejected') throw lane.reason;
  }, 900_000);
});
