/** Starts git-server-child.ts (the test git server in a process of its own) and talks to it by lines. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface GitServerProcess {
  /** Creates an empty bare repository; answers its URL. */
  createBare(name: string): Promise<string>;
  /** Stops the server, which removes its repositories. */
  close(): Promise<void>;
}

export async function startGitServerProcess(): Promise<GitServerProcess> {
  const child = spawn(process.execPath, ['--import', 'jiti/register', join(import.meta.dirname, 'git-server-child.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = once(child, 'exit');
  return {
    async createBare(name) {
      child.stdin.write(`create ${name}\n`);
      const { value, done } = await answers.next();
      if (done) throw new Error('The git server process ended before answering.');
      return value;
    },
    async close() {
      child.stdin.end();
      const [code] = await exited;
      if (code !== 0) throw new Error(`The git server process ended with ${code}.`);
    },
  };
}
