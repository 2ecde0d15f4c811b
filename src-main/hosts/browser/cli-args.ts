/**
 * Command line of browser mode: `node out/main/serve.js [--notebook DIR] [--port N]`.
 *
 * The port defaults to 0, any free port: the address changes at every launch anyway (the
 * token in it does), so a fixed port would buy nothing and could clash with another program.
 */

/** Any free port. */
export const DEFAULT_PORT = 0;

export const USAGE = `Usage: node out/main/serve.js [--notebook DIR] [--port N]

  --notebook DIR   the notebook folder (default: $MARGINALIA_NOTEBOOK, else the desktop app's)
  --port N         the port to listen on, 0-65535 (default: 0, any free port)
  --help           show this help

Prints "Marginalia is running at <address>" once it is ready; open that address in a browser.
Stop it with Ctrl+C.

A notebook shared through git keeps the remote's user name and token in
$XDG_CONFIG_HOME/marginalia/credentials.json (~/.config without it; readable by you alone),
or in the file named by $MARGINALIA_CREDENTIALS.`;

export interface ServeArgs {
  port: number;
  /** The folder given with --notebook, if any (the caller resolves the default). */
  notebook?: string;
  help: boolean;
}

export type ParsedServeArgs = { ok: true; args: ServeArgs } | { ok: false; message: string };

const FLAGS = ['--notebook', '--port'] as const;
type Flag = (typeof FLAGS)[number];

function isFlag(name: string): name is Flag {
  return (FLAGS as readonly string[]).includes(name);
}

/** A port number from its text, or undefined when it is not one. */
export function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port <= 65535 ? port : undefined;
}

export function parseServeArgs(argv: readonly string[]): ParsedServeArgs {
  const values: Partial<Record<Flag, string>> = {};
  let help = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!isFlag(name)) {
      const what = arg.startsWith('-') ? 'Unknown option' : 'Unexpected argument';
      return { ok: false, message: `${what} "${arg}".` };
    }
    if (values[name] !== undefined) return { ok: false, message: `${name} is given twice.` };
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value !== undefined && value.startsWith('--')) value = undefined;
      else i++;
    }
    if (value === undefined || value === '') {
      return { ok: false, message: `${name} needs a value (${name === '--port' ? 'a port number' : 'a folder'}).` };
    }
    values[name] = value;
  }

  let port = DEFAULT_PORT;
  if (values['--port'] !== undefined) {
    const parsed = parsePort(values['--port']);
    if (parsed === undefined) {
      return { ok: false, message: `--port must be a whole number from 0 to 65535, not "${values['--port']}".` };
    }
    port = parsed;
  }
  const notebook = values['--notebook'];
  return { ok: true, args: { port, help, ...(notebook !== undefined ? { notebook } : {}) } };
}
