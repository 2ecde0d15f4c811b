/**
 * Undo history as an append-only log: each step costs one line, the log survives a reopen,
 * stays within its bounds in steps and in bytes, and takes over a history.json from before it.
 */
import { appendFile, readFile, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-dir';
import { HISTORY_LIMIT, HISTORY_LOG, HistoryLog } from './history-log';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import type { HistoryEntry } from './notebook-files';
import { openStore } from './notebook-store';

const legend = { yellow: 'Key point', green: 'Evidence', blue: 'Definition', pink: 'Question', purple: 'Method', orange: 'Disagree' };

/** A step that renames the green colour, with `padding` characters to make it as large as needed. */
function step(n: number, padding = 0): HistoryEntry {
  return { label: `Step ${n}`, at: '2026-11-30T10:00:00.000Z', changes: [{ kind: 'legend', before: legend, after: { ...legend, green: `Meaning ${n}${'x'.repeat(padding)}` } }] };
}

const labels = (entries: readonly HistoryEntry[]) => entries.map((e) => e.label);
const sizeOf = async (path: string) => (await stat(path)).size;

describe('the history log', () => {
  it('appends one line per step, undo and redo, and reads them back after a reopen', async () => {
    const dir = await tempDir();
    const log = await HistoryLog.open(dir);
    await log.push(step(1));
    await log.push(step(2));
    const afterTwo = await sizeOf(join(dir, HISTORY_LOG));
    await log.move('undo');
    expect((await sizeOf(join(dir, HISTORY_LOG))) - afterTwo).toBeLessThan(40);
    await log.push(step(3));
    await log.move('undo');
    await log.move('redo');
    await log.close();

    const reopened = await HistoryLog.open(dir);
    expect(labels(reopened.stacks().undo)).toEqual(['Step 1', 'Step 3']);
    expect(labels(reopened.stacks().redo)).toEqual([]);
    await reopened.close();
  });

  it(`keeps the newest ${HISTORY_LIMIT} steps`, async () => {
    const dir = await tempDir();
    const log = await HistoryLog.open(dir);
    for (let n = 1; n <= HISTORY_LIMIT + 20; n++) await log.push(step(n));
    await log.close();
    const reopened = await HistoryLog.open(dir);
    expect(reopened.stacks().undo).toHaveLength(HISTORY_LIMIT);
    expect(reopened.stacks().undo[0]?.label).toBe('Step 21');
    await reopened.close();
  });

  it('stays within its size bound: large steps push the oldest out, and what is kept reads back', async () => {
    const dir = await tempDir();
    const log = await HistoryLog.open(dir, null, 50_000);
    for (let n = 1; n <= 40; n++) await log.push(step(n, 4_000));
    await log.move('undo');
    expect(await sizeOf(join(dir, HISTORY_LOG))).toBeLessThanOrEqual(50_000 + 5_000);
    const kept = labels(log.stacks().undo);
    expect(kept.at(-1)).toBe('Step 39');
    expect(kept.length).toBeLessThan(40);
    await log.close();

    const reopened = await HistoryLog.open(dir, null, 50_000);
    expect(labels(reopened.stacks().undo)).toEqual(kept);
    expect(labels(reopened.stacks().redo)).toEqual(['Step 40']);
    await reopened.close();
  });

  it('keeps the newest step even when it alone is larger than the bound, until the next step', async () => {
    const dir = await tempDir();
    const log = await HistoryLog.open(dir, null, 50_000);
    for (let n = 1; n <= 3; n++) await log.push(step(n, 1_000));
    await log.push(step(4, 80_000));
    expect(labels(log.stacks().undo)).toEqual(['Step 4']);
    await log.close();
    const reopened = await HistoryLog.open(dir, null, 50_000);
    expect(labels(reopened.stacks().undo)).toEqual(['Step 4']);
    await reopened.push(step(5, 1_000));
    expect(labels(reopened.stacks().undo)).toEqual(['Step 5']);
    expect(await sizeOf(join(dir, HISTORY_LOG))).toBeLessThanOrEqual(50_000);
    await reopened.close();
  });

  it('skips a line cut short by a crash', async () => {
    const dir = await tempDir();
    const log = await HistoryLog.open(dir);
    await log.push(step(1));
    await log.close();
    await appendFile(join(dir, HISTORY_LOG), '{"op":"push","entry":{"label":"Ste');
    const reopened = await HistoryLog.open(dir);
    await reopened.push(step(2));
    await reopened.close();
    expect(labels((await HistoryLog.open(dir)).stacks().undo)).toEqual(['Step 1', 'Step 2']);
  });

  it('takes over the history.json of an older notebook, and undo still works on it', async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    await store.close();
    await writeFile(join(dir, 'history.json'), JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION, undo: [step(1), step(2)], redo: [] }));

    const reopened = await openStore(dir);
    const history = await reopened.history();
    expect(labels(history.stacks().undo)).toEqual(['Step 1', 'Step 2']);
    expect(existsSync(join(dir, 'history.json'))).toBe(false);
    expect(await readFile(join(dir, HISTORY_LOG), 'utf8')).toContain('Step 2');
    await reopened.close();
  });
});
