/**
 * The test git server (src-main/test-support/git-http-server.ts) in a process of its own, for
 * the sync bench: a remote is on another machine, and in the bench's process its CGI spawns
 * (a fork of a process holding a 10,000-article notebook) were counted as the sync's stalls.
 * Reads `create NAME` lines on stdin and answers each with the repository's URL; ends, removing
 * its repositories, when stdin closes.
 */
import { createInterface } from 'node:readline';
import { startGitHttpServer } from '../../src-main/test-support/git-http-server';

const server = await startGitHttpServer();
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const [command, name] = line.split(' ');
  if (command === 'create' && name) process.stdout.write(`${await server.createBare(name)}\n`);
}
await server.close();
