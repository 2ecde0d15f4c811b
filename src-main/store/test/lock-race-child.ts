/**
 * One side of the folder-lock race (folder-lock.test.ts). It reads commands on stdin, one a line:
 * `arm DIR BARRIER` answers `armed`, waits until the file BARRIER exists (both sides wait on the
 * same file, so the parent releases them at once), tries to lock DIR and answers `owned` or
 * `refused <message>`; `release` lets go of a lock it holds and answers `released`.
 * Run with `node --import test-support/ts-register.mjs lock-race-child.ts`.
 */
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { NotebookError } from '../../common/errors';
import { lockFolder, type FolderLock } from '../folder-lock';

let held: FolderLock | null = null;
const say = (line: string) => process.stdout.write(`${line}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  const [command, dir, barrier] = line.split(' ');
  if (command === 'arm' && dir && barrier) {
    say('armed');
    // Spin rather than wait for an event: both sides then leave the barrier within microseconds.
    // (Should the parent die first, give up after a minute rather than spin for ever.)
    const start = Date.now();
    for (let spins = 1; !existsSync(barrier); spins++) if (spins % 100_000 === 0 && Date.now() - start > 60_000) process.exit(2);
    try {
      held = await lockFolder(dir);
      say('owned');
    } catch (error) {
      if (!(error instanceof NotebookError)) throw error;
      say(`refused ${error.message}`);
    }
  } else if (command === 'release') {
    await held?.release();
    held = null;
    say('released');
  }
}
