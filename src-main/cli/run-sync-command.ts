/**
 * `marginalia share|join|sync`: the app's own calls (shareNotebook, syncNotebook), through the
 * same dispatch and schemas, on a notebook folder no app holds. Prints what the sync did
 * ("sent 3 changes, received 5, 1 conflict kept"); exits 0 when it is done, 1 with what to do
 * otherwise (offline, a refused token, the notebook open in the app).
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { dispatch } from '../common/api-dispatch';
import type { SyncResult } from '../common/sync-schema';
import { openNotebook, type OpenNotebook } from '../services/open-notebook';
import { credentialsFile, environmentCredentials, fileCredentials } from '../services/sync/credentials';
import { isShared } from '../services/sync/shared-history';
import type { CliIo } from './run-export';
import type { SyncCommand } from './sync-args';

const isFolder = (path: string) => stat(path).then((s) => s.isDirectory(), () => false);

const defaultName = (): string => {
  try {
    return userInfo().username || 'Marginalia';
  } catch {
    return 'Marginalia';
  }
};

async function open(dir: string, io: CliIo, now: () => Date): Promise<OpenNotebook | undefined> {
  try {
    return await openNotebook(dir, { now, sample: false, credentials: environmentCredentials(process.env, fileCredentials(credentialsFile(process.env))) });
  } catch (error) {
    const message = (error as Error).message;
    // The lock's advice, with the app in place of another folder; how to clear a stale lock stays.
    const advice = ' Sync from the app instead (the Sync button), or close it there first.';
    io.stderr(`marginalia: ${/already open/.test(message) ? message.replace(/ Close it there first[^.]*\./, advice) : message}\n`);
    return undefined;
  }
}

export async function runSyncCommand(command: SyncCommand, io: CliIo, now: () => Date): Promise<number> {
  const dir = resolve(command.verb === 'join' ? command.folder : command.notebook);
  if (command.verb === 'join') {
    if ((await isFolder(dir)) && (await readdir(dir)).length > 0) {
      io.stderr(`marginalia: ${command.folder} is not empty. Join into a new folder (it is made for you).\n`);
      return 1;
    }
    await mkdir(dir, { recursive: true });
  } else if (!(await isFolder(dir))) {
    io.stderr(`marginalia: ${command.notebook} is not a folder. Give --notebook the folder of a Marginalia notebook.\n`);
    return 1;
  }
  if (command.verb === 'sync' && !isShared(dir)) {
    io.stderr(`marginalia: ${command.notebook} is not shared yet. Share it first: marginalia share --notebook ${command.notebook} --remote URL\n`);
    return 1;
  }
  const notebook = await open(dir, io, now);
  if (!notebook) return 1;
  let status = 0;
  try {
    const user = command.verb === 'sync' ? undefined : (command.user ?? process.env.MARGINALIA_GIT_USER);
    const token = process.env.MARGINALIA_GIT_TOKEN?.trim();
    const answer =
      command.verb === 'sync'
        ? await dispatch(notebook.handlers, 'syncNotebook', {})
        : await dispatch(notebook.handlers, 'shareNotebook', {
            remote: command.remote,
            authorName: command.name ?? defaultName(),
            ...(command.email ? { authorEmail: command.email } : {}),
            ...(user ? { username: user } : {}),
            ...(token ? { token } : {}),
          });
    if (answer.ok) {
      const result = answer.value as SyncResult;
      io.stdout(`${command.verb === 'join' ? `Joined into ${command.folder}: ` : ''}${result.said}.\n`);
      for (const item of result.merge?.conflicts ?? []) io.stdout(`  conflict: ${item.kind} “${item.label}” — ${item.reason}\n`);
    } else {
      io.stderr(`marginalia: ${answer.error.message}\n`);
      status = 1;
    }
  } finally {
    await notebook.close();
  }
  // A join that could not reach the remote leaves no half-made notebook behind.
  if (status !== 0 && command.verb === 'join') await rm(dir, { recursive: true, force: true });
  return status;
}
