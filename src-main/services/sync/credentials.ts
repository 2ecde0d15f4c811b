/**
 * Where a remote's user name and token are kept: never inside the notebook folder (which is
 * what gets shared). The desktop app keeps them encrypted with the system keychain (Electron's
 * safeStorage, in hosts/electron); browser mode and the command line in a file readable by
 * this user alone (mode 0600) in their configuration folder; the command line also takes
 * MARGINALIA_GIT_TOKEN.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { z } from '../../common/zod';
import { writeFileAtomic } from '../../store/atomic-file';

export interface Credential {
  username?: string;
  token: string;
}

export interface CredentialStore {
  get(remote: string): Promise<Credential | undefined>;
  /** Keeps (or with undefined, forgets) the credential for `remote`. */
  set(remote: string, credential: Credential | undefined): Promise<void>;
}

const fileSchema = z.record(z.string(), z.object({ username: z.string().optional(), token: z.string() }));

/**
 * Credentials in a JSON file, by remote; `seal`/`open` turn the file's text into what is
 * stored and back (the desktop app encrypts; the default keeps it as is, protected by 0600).
 */
export function fileCredentials(path: string, codec: { seal(text: string): Buffer | string; open(stored: Buffer): string } = { seal: (text) => text, open: (stored) => stored.toString('utf8') }): CredentialStore {
  const readAll = async (): Promise<Record<string, Credential>> => {
    let stored: Buffer;
    try {
      stored = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    try {
      return fileSchema.parse(JSON.parse(codec.open(stored)));
    } catch {
      // A damaged or foreign file: as if nothing were kept (the person is asked again).
      return {};
    }
  };
  return {
    async get(remote) {
      return (await readAll())[remote];
    },
    async set(remote, credential) {
      const all = await readAll();
      if (credential) all[remote] = credential;
      else delete all[remote];
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      // writeFileAtomic creates the file with mode 0600.
      await writeFileAtomic(path, codec.seal(JSON.stringify(all)));
    },
  };
}

/** Credentials from the environment (the command line): MARGINALIA_GIT_TOKEN, and MARGINALIA_GIT_USER if the remote needs a name. */
export function environmentCredentials(env: NodeJS.ProcessEnv, fallback?: CredentialStore): CredentialStore {
  return {
    async get(remote) {
      const token = env.MARGINALIA_GIT_TOKEN?.trim();
      if (token) return { token, ...(env.MARGINALIA_GIT_USER ? { username: env.MARGINALIA_GIT_USER } : {}) };
      return fallback?.get(remote);
    },
    set: (remote, credential) => fallback?.set(remote, credential) ?? Promise.resolve(),
  };
}

/** Kept in memory only (tests, and a host that has nowhere safe to keep them). */
export function memoryCredentials(): CredentialStore {
  const kept = new Map<string, Credential>();
  return {
    get: async (remote) => kept.get(remote),
    set: async (remote, credential) => void (credential ? kept.set(remote, credential) : kept.delete(remote)),
  };
}

/**
 * Where browser mode and the command line keep credentials: `$MARGINALIA_CREDENTIALS`, else
 * `marginalia/credentials.json` in the user's configuration folder ($XDG_CONFIG_HOME, else
 * ~/.config). The end-to-end tests name their own file, so they never touch the real home.
 */
export function credentialsFile(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const chosen = env.MARGINALIA_CREDENTIALS?.trim();
  if (chosen) return resolve(chosen);
  const config = env.XDG_CONFIG_HOME?.trim() || join(home, '.config');
  return join(resolve(config), 'marginalia', 'credentials.json');
}

/** True when `file` is inside `folder` (or is it): a token there would travel with the notebook. */
export function isInside(file: string, folder: string): boolean {
  const path = relative(resolve(folder), resolve(file));
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}
