/**
 * `marginalia share|join|sync`: the words of the sharing commands into what they need. The
 * token never appears on the command line (it would land in shell history and process lists):
 * it comes from MARGINALIA_GIT_TOKEN.
 */
export type SyncCommand =
  | { verb: 'share'; notebook: string; remote: string; name?: string; email?: string; user?: string }
  | { verb: 'join'; remote: string; folder: string; name?: string; email?: string; user?: string }
  | { verb: 'sync'; notebook: string };

export const SYNC_SYNOPSIS = `  marginalia share --notebook DIR --remote URL [--name NAME] [--email EMAIL] [--user USER]
  marginalia join URL DIR [--name NAME] [--email EMAIL] [--user USER]
  marginalia sync --notebook DIR`;

export const SYNC_HELP = `Share turns a notebook into a shared one and sends it to an empty git remote (https); join makes a
new notebook in DIR from a shared one; sync sends what changed here and merges what colleagues
sent, record by record. A remote that needs a login takes the token from MARGINALIA_GIT_TOKEN
(and the user name from --user or MARGINALIA_GIT_USER). --name signs your changes (default: your
login name). The notebook must not be open in the app: sync from the app then.`;

const VALUED = ['--notebook', '--remote', '--name', '--email', '--user'] as const;
type Valued = (typeof VALUED)[number];

export function parseSync(verb: 'share' | 'join' | 'sync', rest: readonly string[]): { kind: 'sync'; command: SyncCommand } | { kind: 'error'; message: string } {
  const values = new Map<Valued, string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const eq = arg.indexOf('=');
    const name = (arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg) as Valued;
    if ((VALUED as readonly string[]).includes(name)) {
      const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : rest[++i];
      if (!value) return { kind: 'error', message: `${name} needs a value.` };
      if (values.has(name)) return { kind: 'error', message: `${name} is given twice.` };
      values.set(name, value);
    } else if (arg.startsWith('-')) return { kind: 'error', message: `Unknown option "${arg}".` };
    else positional.push(arg);
  }
  const allowed: Record<typeof verb, readonly Valued[]> = { share: ['--notebook', '--remote', '--name', '--email', '--user'], join: ['--name', '--email', '--user'], sync: ['--notebook'] };
  const stray = [...values.keys()].find((name) => !allowed[verb].includes(name));
  if (stray) return { kind: 'error', message: `${stray} does not go with ${verb}.` };
  const signer = { ...(values.get('--name') ? { name: values.get('--name')! } : {}), ...(values.get('--email') ? { email: values.get('--email')! } : {}), ...(values.get('--user') ? { user: values.get('--user')! } : {}) };
  switch (verb) {
    case 'share': {
      const notebook = values.get('--notebook');
      const remote = values.get('--remote');
      if (positional.length > 0) return { kind: 'error', message: `Unexpected "${positional[0]}": share takes --notebook DIR and --remote URL.` };
      if (!notebook) return { kind: 'error', message: '--notebook DIR is required: the notebook folder to share.' };
      if (!remote) return { kind: 'error', message: '--remote URL is required: the address of an empty git repository (https).' };
      return { kind: 'sync', command: { verb, notebook, remote, ...signer } };
    }
    case 'join': {
      if (positional.length !== 2) return { kind: 'error', message: 'join takes the remote URL and a new folder: marginalia join URL DIR.' };
      return { kind: 'sync', command: { verb, remote: positional[0]!, folder: positional[1]!, ...signer } };
    }
    case 'sync': {
      const notebook = values.get('--notebook');
      if (positional.length > 0) return { kind: 'error', message: `Unexpected "${positional[0]}": sync takes --notebook DIR.` };
      if (!notebook) return { kind: 'error', message: '--notebook DIR is required: the shared notebook folder.' };
      return { kind: 'sync', command: { verb, notebook } };
    }
  }
}
