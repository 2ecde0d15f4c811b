/** Long work that calls the time-slice check lets the event loop answer others between pieces. */
import { describe, expect, it } from 'vitest';
import { timeSlices } from './event-loop-turns';

/** Holds the thread for `ms`, as a piece of real work does. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('time slices', () => {
  it('yield once a slice has passed, so a timer and an immediate run before the work ends', async () => {
    const turn = timeSlices(1);
    const heard: string[] = [];
    setTimeout(() => heard.push('timer'), 0);
    setImmediate(() => heard.push('immediate'));
    for (let piece = 0; piece < 5; piece++) {
      busy(2);
      await turn();
      heard.push(`piece ${piece}`);
    }
    expect(heard.indexOf('immediate')).toBeLessThan(heard.indexOf('piece 4'));
    expect(heard.indexOf('timer')).toBeLessThan(heard.indexOf('piece 4'));
  });

  it('do not yield within a slice: pieces shorter than it run back to back', async () => {
    const turn = timeSlices(60_000);
    const heard: string[] = [];
    setImmediate(() => heard.push('immediate'));
    for (let piece = 0; piece < 5; piece++) {
      await turn();
      heard.push(`piece ${piece}`);
    }
    expect(heard).toEqual(['piece 0', 'piece 1', 'piece 2', 'piece 3', 'piece 4']);
  });
});
