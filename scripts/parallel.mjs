#!/usr/bin/env node
/**
 * `node scripts/parallel.mjs SCRIPT...`: runs the npm scripts two at a time (or one per core),
 * each one's output printed whole once it ends, and fails if any failed. `npm test` runs its
 * checks this way: the type-check and lint are each one thread of work, so run one after the
 * other they leave a core of a 2-core CI machine idle for a minute and a half.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: node scripts/parallel.mjs SCRIPT...');
  process.exit(2);
}

function run(script) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      process.stdout.write(`> ${script}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s\n${output}`);
      resolve(code === 0);
    });
  });
}

const queue = [...scripts];
const lane = async () => {
  const results = [];
  for (let script = queue.shift(); script !== undefined; script = queue.shift()) results.push(await run(script));
  return results;
};
const lanes = await Promise.all(Array.from({ length: Math.min(Math.max(2, availableParallelism()), scripts.length) }, lane));
if (lanes.flat().includes(false)) process.exit(1);
