/**
 * `marginalia export`: the same export call the app makes, over the notebook folder read only
 * (report-data.ts), validated by the same schema. Writes the file under a temporary name next
 * to its destination and renames it, so a failure never leaves half a file.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { NotebookHandlers } from '../common/api';
import { dispatch } from '../common/api-dispatch';
import { FORMAT_INFO, type ExportFormat, type ExportResult } from '../common/export-schema';
import { printPdfWithChromium } from '../services/export/chromium-pdf';
import { createExporter, inProcessRunner } from '../services/export/export-service';
import { folderReportData } from '../services/export/report-data';
import { parseCommand, USAGE } from './export-args';
import { runImport } from './run-import';
import { runSyncCommand } from './run-sync-command';

export interface CliIo {
  stdout: (text: string | Uint8Array) => void;
  stderr: (text: string) => void;
}

/** Runs the command line; answers the exit status. */
export async function runCli(argv: readonly string[], io: CliIo, now: () => Date = () => new Date()): Promise<number> {
  const parsed = parseCommand(argv);
  if (parsed.kind === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    io.stderr(`marginalia: ${parsed.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.kind === 'import') return runImport(parsed.command, io, now);
  if (parsed.kind === 'sync') return runSyncCommand(parsed.command, io, now);
  const { notebook, out, request } = parsed.command;
  const format = request.format as ExportFormat;
  if (FORMAT_INFO[format]?.binary && !out) {
    io.stderr(`marginalia: ${FORMAT_INFO[format].label} is not text: give --out FILE to write it.\n\n${USAGE}\n`);
    return 2;
  }
  if (!(await stat(notebook).then((s) => s.isDirectory(), () => false))) {
    io.stderr(`marginalia: ${notebook} is not a folder. Give --notebook the folder of a Marginalia notebook.\n`);
    return 1;
  }
  let handlers: Pick<NotebookHandlers, 'exportReport'>;
  try {
    handlers = createExporter({ runner: inProcessRunner(await folderReportData(resolve(notebook)), now), printPdf: printPdfWithChromium });
  } catch (error) {
    io.stderr(`marginalia: ${(error as Error).message}\n`);
    return 1;
  }
  const answer = await dispatch(handlers as NotebookHandlers, 'exportReport', request);
  if (!answer.ok) {
    // A value the schema refused is a bad argument; anything else (an empty scope, an unknown id, no Chromium) is not.
    const badArgument = answer.error.code === 'invalid_argument' && answer.error.message.startsWith('Invalid argument');
    io.stderr(`marginalia: ${answer.error.message}\n${badArgument ? `\n${USAGE}\n` : ''}`);
    return badArgument ? 2 : 1;
  }
  const result = answer.value as ExportResult;
  const bytes = result.encoding === 'base64' ? Buffer.from(result.content, 'base64') : Buffer.from(result.content, 'utf8');
  if (!out) {
    io.stdout(bytes);
    return 0;
  }
  const target = resolve(out);
  const temporary = join(dirname(target), `.${randomBytes(6).toString('hex')}.marginalia-export.tmp`);
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    io.stderr(`marginalia: could not write ${target}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (error as Error).message}.\n`);
    return 1;
  }
  const { sources, highlights, claims } = result.summary;
  io.stderr(`Wrote ${target} (${sources} sources, ${highlights} highlights${claims ? `, ${claims} claims` : ''}).\n`);
  return 0;
}
