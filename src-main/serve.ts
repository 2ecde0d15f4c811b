/**
 * Browser mode: `node out/main/serve.js [--notebook DIR] [--port N]`.
 *
 * Opens the notebook, serves the built renderer and the API on 127.0.0.1, and prints exactly
 * one line on stdout, `Marginalia is running at <url>`; everything else goes to stderr.
 * Exit codes: 0 after Ctrl+C/SIGTERM with every write flushed, 1 on failure, 2 on bad arguments.
 * Plain Node: this file and everything it imports must never import electron.
 */
import { join } from 'node:path';
import { parseServeArgs, USAGE } from './hosts/browser/cli-args';
import { startBrowserHost, type BrowserHost } from './hosts/browser/http-host';
import { openNotebook, type OpenNotebook } from './services/open-notebook';
import { credentialsFile, fileCredentials, isInside } from './services/sync/credentials';
import { defaultUserDataDir, resolveNotebookDir } from './store/notebook-location';

const log = (message: string) => process.stderr.write(`${message}\n`);

/** A shared notebook syncs by itself this often while browser mode runs (and once more when it stops). */
const SYNC_EVERY_MS = 5 * 60_000;

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function startHost(notebook: OpenNotebook, port: number): Promise<BrowserHost> {
  try {
    return await startBrowserHost({
      handlers: notebook.handlers,
      feed: notebook.feed,
      rendererDir: join(import.meta.dirname, '../renderer'),
      port,
      host: '127.0.0.1',
      onInternalError: (method, error) => log(`Internal error in ${method}: ${error instanceof Error ? error.stack : String(error)}`),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`Port ${port} is in use; choose another with --port N, or --port 0 for any free port.`);
    if (code === 'ENOENT') throw new Error('The renderer is not built; run "npm run build" first.');
    throw error;
  }
}

function stopOnSignals(host: BrowserHost, notebook: OpenNotebook): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`Received ${signal} again: stopping at once; the last changes may not be saved.`);
      process.exit(1);
    }
    stopping = true;
    host
      .close()
      .then(() => notebook.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log(`Marginalia could not stop cleanly: ${describeError(error)}`);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(argv: string[]): Promise<void> {
  const parsed = parseServeArgs(argv);
  if (!parsed.ok) {
    log(`${parsed.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (parsed.args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }

  const dir = resolveNotebookDir(argv, process.env, defaultUserDataDir());
  const credentials = credentialsFile(process.env);
  if (isInside(credentials, dir)) {
    log(`The credentials file ${credentials} is inside the notebook folder, which is what gets shared: set MARGINALIA_CREDENTIALS to a file outside it.`);
    process.exit(2);
  }
  let notebook: OpenNotebook;
  try {
    notebook = await openNotebook(dir, { credentials: fileCredentials(credentials), syncEveryMs: SYNC_EVERY_MS, syncOnClose: true });
  } catch (error) {
    log(`Could not open the notebook at ${dir}: ${describeError(error)}`);
    process.exit(1);
  }
  const { readOnly } = notebook.status();
  if (readOnly) log(readOnly);
  for (const file of notebook.status().quarantined) {
    log(`Set aside ${file.file} (now ${file.movedTo}): ${file.reason}`);
  }

  let host: BrowserHost;
  try {
    host = await startHost(notebook, parsed.args.port);
  } catch (error) {
    log(`Could not start Marginalia: ${describeError(error)}`);
    await notebook.close().catch(() => undefined);
    process.exit(1);
  }
  stopOnSignals(host, notebook);
  process.stdout.write(`Marginalia is running at ${host.url}\n`);
  log(`Notebook: ${dir}\nPress Ctrl+C to stop.`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  log(`Marginalia stopped on an unexpected error: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
