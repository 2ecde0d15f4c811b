/**
 * `marginalia import`: the app's own import (importExchange, through the same dispatch and
 * schema) into a notebook folder that no app holds. Each file is one undo step, as in the app.
 * The folder lock refuses while the app has the notebook open: nothing is written then.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { dispatch } from '../common/api-dispatch';
import type { ExchangeSummary } from '../common/exchange-schema';
import { openNotebook, type OpenNotebook } from '../services/open-notebook';
import type { ImportCommand } from './import-args';
import type { CliIo } from './run-export';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** What an import did, as lines a person reads. */
export function describeSummary(summary: ExchangeSummary): string {
  const counts = [
    `${summary.added.length} added`,
    `${summary.updated.length} updated`,
    summary.conflicts.length > 0 ? `${plural(summary.conflicts.length, 'conflict')} kept` : '',
    summary.kept.length > 0 ? `${summary.kept.length} kept after a deletion` : '',
    summary.deleted.length > 0 ? `${summary.deleted.length} deleted` : '',
    `${summary.unchanged} unchanged`,
    summary.refused.length > 0 ? `${summary.refused.length} not imported` : '',
  ].filter(Boolean);
  const lines = [`(${summary.from}): ${counts.join(', ')}.`];
  for (const item of summary.conflicts) lines.push(`  conflict: ${item.kind} “${item.label}” — ${item.reason}`);
  for (const item of summary.kept) lines.push(`  kept: ${item.kind} “${item.label}” — ${item.reason}`);
  for (const item of summary.refused) lines.push(`  not imported: ${item.kind} “${item.label}” — ${item.reason}`);
  for (const group of summary.unmatched) lines.push(`  ${plural(group.count, 'annotation')} on ${group.source}${group.title ? ` (“${group.title}”)` : ''}, which this notebook does not hold`);
  return `${lines.join('\n')}\n`;
}

export async function runImport({ notebook, files }: ImportCommand, io: CliIo, now: () => Date): Promise<number> {
  const dir = resolve(notebook);
  if (!(await stat(dir).then((s) => s.isDirectory(), () => false))) {
    io.stderr(`marginalia: ${notebook} is not a folder. Give --notebook the folder of a Marginalia notebook.\n`);
    return 1;
  }
  const contents: { name: string; content: string }[] = [];
  for (const file of files) {
    try {
      contents.push({ name: basename(file), content: (await readFile(file)).toString('base64') });
    } catch (error) {
      io.stderr(`marginalia: could not read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message}.\n`);
      return 1;
    }
  }
  let opened: OpenNotebook;
  try {
    opened = await openNotebook(dir, { now, sample: false });
  } catch (error) {
    const message = (error as Error).message;
    // The lock's advice, with the app in place of another folder; how to clear a stale lock stays.
    const advice = ' Close it there first, or import from the app (Import bundle or annotations…).';
    io.stderr(`marginalia: ${/already open/.test(message) ? `${message.replace(/ Close it there first[^.]*\./, advice)} Nothing was imported.` : message}\n`);
    return 1;
  }
  const { readOnly } = opened.status();
  if (readOnly) {
    io.stderr(`marginalia: ${readOnly} Nothing was imported.\n`);
    await opened.close();
    return 1;
  }
  let status = 0;
  try {
    for (const { name, content } of contents) {
      const answer = await dispatch(opened.handlers, 'importExchange', { fileName: name, content });
      if (answer.ok) io.stdout(`${name} ${describeSummary(answer.value as ExchangeSummary)}`);
      else {
        io.stderr(`marginalia: ${name}: ${answer.error.message}\n`);
        status = 1;
      }
    }
    // The search index learns of what came in before the folder is let go.
    await opened.searchIdle();
  } finally {
    await opened.close();
  }
  return status;
}
